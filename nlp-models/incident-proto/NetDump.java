import java.io.*; import java.nio.file.*; import java.util.*; import com.fasterxml.jackson.databind.*;
import ru.otklik.nlp.data.*; import ru.otklik.nlp.features.*; import ru.otklik.nlp.text.*;
/**
 * rank.py's DIR for the shipped incident recipe (docs/nlp.md, "A nonlinear incident model"): every training document
 * crossval --task incident gives the incident model beside the labelled dev rows (the SocialStyle-cut appeals, the
 * training half of the real tweets, the informal negatives) as extra.jsonl {id, label, kind} and more.feat, the
 * labelled dev rows as dev.feat, the real dev appeals and the check-half tweets as kursk- / spb- / check-dev.jsonl
 * (for AppealScores.java) and their features. Arguments: labelled dir, datasets dir, out dir.
 */
public class NetDump {
  static final TextNormalizer NORM = new TextNormalizer(); static final FeatureExtractor FX = new FeatureExtractor();
  static final ObjectMapper OM = new ObjectMapper();

  public static void main(String[] a) throws Exception {
    Path out = Path.of(a[2]); SharedDatasets data = new SharedDatasets(Path.of(a[1]));
    LabelledTraining dev = LabelledTraining.read(Path.of(a[0]), Optional.of(Path.of(a[1])), 1);
    try (PrintWriter f = writer(out.resolve("dev.feat"))) {
      for (LabeledText t : dev.complaint()) feat(f, t.id().replaceFirst("#w0$", ""), t.text());  // weight 1: ids <id>#w0
    }
    Map<String, List<LabeledText>> extra = new LinkedHashMap<>();
    extra.put("appeal", TaskCorpora.at(Path.of(a[1])).incidentAppeals().split().train());
    RealTweets tweets = RealTweets.of(data.ruSentiTweet(), dev.tweetRefs());
    extra.put("rtweet", tweets.training());
    extra.put("informal", InformalNegatives.of(data).all());
    try (PrintWriter f = writer(out.resolve("more.feat")); PrintWriter j = writer(out.resolve("extra.jsonl"))) {
      for (var e : extra.entrySet()) {
        int i = 0;
        for (LabeledText t : e.getValue()) {
          String id = e.getKey() + "#" + i++;
          feat(f, id, t.text());
          j.println(OM.writeValueAsString(Map.of("id", id, "label", t.label(), "kind", e.getKey())));
        }
      }
    }
    Map<String, List<LabeledText>> real = new LinkedHashMap<>(DevAppeals.read(data, 1500));
    real.put("check", tweets.check());
    try (PrintWriter f = writer(out.resolve("real.feat"))) {
      for (var e : real.entrySet()) {
        try (PrintWriter j = writer(out.resolve(e.getKey() + "-dev.jsonl"))) {
          for (LabeledText t : e.getValue()) {
            feat(f, t.id(), t.text());
            j.println(OM.writeValueAsString(Map.of("id", t.id(), "text", t.text())));
          }
        }
        System.err.println(e.getKey() + " " + e.getValue().size());
      }
    }
    extra.forEach((k, v) -> System.err.println(k + " " + v.size()));
    System.exit(0);
  }

  static PrintWriter writer(Path p) throws IOException {
    return new PrintWriter(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(p.toFile()), "UTF-8"), 1 << 20));
  }

  static void feat(PrintWriter w, String id, String text) {
    Features f = FX.extract(NORM.normalize(text).folded());
    StringBuilder sb = new StringBuilder(id);
    for (Map.Entry<String, Integer> e : f.counts().entrySet()) sb.append('\t').append(e.getValue()).append(' ').append(e.getKey());
    w.println(sb);
  }
}
