import java.io.*; import java.nio.file.*; import java.util.*; import com.fasterxml.jackson.databind.*;
import ru.otklik.nlp.data.*; import ru.otklik.nlp.text.*;
/** NetDump's documents, with NetDump's ids, as JSONL {id, folded}: the text FeatureExtractor sees. Args: labelled, datasets, out file. */
public class TextDump {
  static final TextNormalizer NORM = new TextNormalizer(); static final ObjectMapper OM = new ObjectMapper();
  public static void main(String[] a) throws Exception {
    SharedDatasets data = new SharedDatasets(Path.of(a[1]));
    LabelledTraining dev = LabelledTraining.read(Path.of(a[0]), Optional.of(Path.of(a[1])), 1);
    try (PrintWriter f = new PrintWriter(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(a[2]), "UTF-8"), 1 << 20))) {
      for (LabeledText t : dev.complaint()) put(f, t.id().replaceFirst("#w0$", ""), t.text());
      Map<String, List<LabeledText>> extra = new LinkedHashMap<>();
      extra.put("appeal", TaskCorpora.at(Path.of(a[1])).incidentAppeals().split().train());
      RealTweets tweets = RealTweets.of(data.ruSentiTweet(), dev.tweetRefs());
      extra.put("rtweet", tweets.training());
      extra.put("informal", InformalNegatives.of(data).all());
      for (var e : extra.entrySet()) { int i = 0; for (LabeledText t : e.getValue()) put(f, e.getKey() + "#" + i++, t.text()); }
      Map<String, List<LabeledText>> real = new LinkedHashMap<>(DevAppeals.read(data, 1500));
      real.put("check", tweets.check());
      for (var e : real.values()) for (LabeledText t : e) put(f, t.id(), t.text());
    }
    System.exit(0);
  }
  static void put(PrintWriter f, String id, String text) throws Exception {
    f.println(OM.writeValueAsString(Map.of("id", id, "folded", NORM.normalize(text).folded())));
  }
}
