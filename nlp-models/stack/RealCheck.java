import java.nio.file.*; import java.util.*;
import ru.otklik.nlp.*; import ru.otklik.nlp.PostAnalysis.LabelScore; import ru.otklik.nlp.rules.*; import ru.otklik.nlp.text.*;
import ru.otklik.nlp.features.*; import ru.otklik.nlp.categorize.*; import ru.otklik.nlp.data.*;

/**
 * The shipped models' answers on the real dev appeals (Kursk, the first 1,500 SPb) and the check half's Russian real
 * tweets, as crossval reads them, decided by the shipped blend at 0.95 and by a learned decision (IncidentStack) at a
 * sweep of thresholds, with and without the incident-type answer (crossval's real rows have none). A source-file
 * program on the packaged service's class path, run from the worktree root, not part of the service (docs/nlp.md,
 * "A learned decision over the signals"):
 * java -Xmx3g -cp "target/classes:$(ls target/quarkus-app/lib/main/*.jar | tr '\n' ':')" nlp-models/stack/RealCheck.java STACK.tsv
 */
public class RealCheck {
  public static void main(String[] a) throws Exception {
    Path dir = Path.of("nlp-models"); NlpModels models = NlpModels.load(dir, Optional.empty());
    TopicRules rules = TopicRules.load(dir.resolve(TextAnalyzer.RULES), dir.resolve(TextAnalyzer.INCIDENT_RULES));
    IncidentStack stack = IncidentStack.read(Path.of(a[0]));
    SharedDatasets data = new SharedDatasets(Path.of("../shared/datasets"));
    Map<String, List<LabeledText>> sets = new LinkedHashMap<>(DevAppeals.read(data, 1500));
    LabelledTraining dev = LabelledTraining.read(Path.of("labelled"), Optional.of(Path.of("../shared/datasets")), 1);
    sets.put("tweets", RealTweets.of(data.ruSentiTweet(), dev.tweetRefs()).check());
    TextNormalizer norm = new TextNormalizer(); FeatureExtractor fx = new FeatureExtractor();
    double[] ts = {0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.86, 0.88, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97, 0.98};
    for (var e : sets.entrySet()) {
      boolean tweets = e.getKey().equals("tweets");
      int n = 0, blend = 0, blendNoType = 0; int[] st = new int[ts.length]; int[] stNoType = new int[ts.length];
      List<String> flaggedAt86 = new ArrayList<>();
      for (LabeledText t : e.getValue()) {
        NormalizedText nt = norm.normalize(t.text());
        boolean ru = "ru".equals(models.language().detect(nt.clean()));
        if (tweets && !ru) continue;
        n++;
        if (!ru) continue;
        CategorizerBank.Scores s = models.categorizers().score(fx.extract(nt.folded(), models.featureIndex()));
        var p = s.prediction("complaint"); LabelScore pc = new LabelScore(p.label(), Math.round(p.score() * 1000) / 1000.0);
        LabelScore pi = IncidentDecider.incidentAnswer(models.categorizers().labels("incident"), s.probabilities("incident"));
        var q = s.prediction("incident_type"); LabelScore pt = new LabelScore(q.label(), Math.round(q.score() * 1000) / 1000.0);
        List<RuleMatch> m = rules.match(nt.clean()); LabelScore none = new LabelScore("none", 0);
        blend += new IncidentDecider(0.95).decide(pc, pi, none, null, pt, m, nt.clean()).incident() ? 1 : 0;
        for (int i = 0; i < ts.length; i++) {
          IncidentDecider d = new IncidentDecider(ts[i], IncidentDecider.Blend.DEFAULT, stack.withThreshold(ts[i]));
          boolean f = d.decide(pc, pi, none, null, pt, m, nt.clean()).incident();
          st[i] += f ? 1 : 0;
          stNoType[i] += d.decide(pc, pi, none, null, null, m, nt.clean()).incident() ? 1 : 0;
          if (tweets && f && ts[i] == 0.86) flaggedAt86.add(t.text().replaceAll("\\s+", " "));
        }
      }
      System.out.printf("%s: %d texts; blend (0.1,0.4,0.2,6) at 0.95 flags %.4f%n", e.getKey(), n, blend / (double) n);
      for (int i = 0; i < ts.length; i++) System.out.printf("  stack at %.2f: %.4f (no type answer %.4f)%n", ts[i], st[i] / (double) n, stNoType[i] / (double) n);
      flaggedAt86.forEach(x -> System.out.println("    flagged at 0.86: " + x));
    }
    System.out.flush(); System.exit(0);
  }
}
