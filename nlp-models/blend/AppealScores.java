import java.nio.file.*; import java.util.*; import com.fasterxml.jackson.databind.*;
import ru.otklik.nlp.*; import ru.otklik.nlp.rules.*; import ru.otklik.nlp.text.*; import ru.otklik.nlp.features.*; import ru.otklik.nlp.categorize.*;
/**
 * The shipped models' raw answers (complaint and incident probabilities, matched rules, language) on texts no model
 * learns, in the row format of {@code crossval --task incident --out}, so blend_grid.py can score any blend on real
 * appeals beside the labelled rows. A source-file program on the packaged service's class path, not part of the
 * service: it is run once when the blend is chosen (docs/nlp.md, "The blend on real appeals").
 *
 * <p>Arguments: models directory, JSONL of {"id","text"}, a source name for the rows; every row is gold `problem`.
 */
public class AppealScores {
  public static void main(String[] a) throws Exception {
    Path dir = Path.of(a[0]); NlpModels models = NlpModels.load(dir, Optional.empty());
    TopicRules rules = TopicRules.load(dir.resolve(TextAnalyzer.RULES), dir.resolve(TextAnalyzer.INCIDENT_RULES));
    TextNormalizer norm = new TextNormalizer(); FeatureExtractor fx = new FeatureExtractor(); ObjectMapper om = new ObjectMapper();
    System.out.println("config\tid\tsource\tgold\trussian\tcomplaint\tincident\ttype\trules\ttext");
    for (String line : Files.readAllLines(Path.of(a[1]))) {
      JsonNode n = om.readTree(line); String text = n.get("text").asText();
      NormalizedText t = norm.normalize(text);
      boolean ru = "ru".equals(models.language().detect(t.clean()));
      CategorizerBank.Scores s = models.categorizers().score(fx.extract(t.folded(), models.featureIndex()));
      var pc = s.prediction("complaint"); var pi = IncidentDecider.incidentAnswer(models.categorizers().labels("incident"), s.probabilities("incident"));
      StringJoiner rj = new StringJoiner(","); for (RuleMatch m : rules.match(t.clean())) rj.add(m.ruleId() + ":" + m.label());
      System.out.println("x\t" + n.get("id").asText() + "\t" + a[2] + "\tproblem\t" + ru + "\t" + pc.label() + " " + pc.score() + "\t" + pi.label() + " " + pi.score() + "\t\t" + rj + "\tx");
    }
    System.out.flush(); System.exit(0);
  }
}
