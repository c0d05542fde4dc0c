import java.nio.file.*; import java.util.*; import com.fasterxml.jackson.databind.ObjectMapper;
import ru.otklik.nlp.data.*;
/**
 * Every RuSentiTweet tweet that is not in labelled/tweets-news.tsv, as {"id","text"} JSONL for {@code analyze}: the
 * id is prefixed {@code dev:} or {@code train:} by the corpus split. Almost none of them is an incident (2 of the
 * 1,252 labelled ones were), so the share {@code analyze} flags bounds the decision's false alarms on real tweets on
 * ~9,700 texts instead of the labelled set's 611 dev tweets, and none of them is in the labelled test part.
 * A source-file program on the packaged service's class path, not part of the service.
 *
 * <p>Arguments: the datasets directory (../shared/datasets), the labelled tweets file. JSONL to standard output.
 */
public class TweetSample {
  public static void main(String[] a) throws Exception {
    Set<String> labelled = new HashSet<>();
    for (String line : Files.readAllLines(Path.of(a[1]))) {
      String[] f = line.split("\t", -1);
      if (f.length > 3 && f[2].equals("rusentitweet")) labelled.add(f[3]);
    }
    ObjectMapper om = new ObjectMapper();
    for (LabeledText t : new SharedDatasets(Path.of(a[0])).ruSentiTweet()) {
      if (labelled.contains(t.id().startsWith("rst-") ? t.id().substring(4) : t.id())) continue;
      String id = (Split.isDev(t.id()) ? "dev:" : "train:") + t.id();
      Map<String, String> row = new LinkedHashMap<>();
      row.put("id", id);
      row.put("text", t.text());
      System.out.println(om.writeValueAsString(row));
    }
  }
}
