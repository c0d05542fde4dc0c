import java.nio.file.*; import java.util.*; import com.fasterxml.jackson.databind.*;
import ru.otklik.nlp.*; import ru.otklik.nlp.rules.*; import ru.otklik.nlp.text.*;
/**
 * The rows of {@code crossval --task incident --out} (or of blend/AppealScores.java) with their {@code rules} column
 * matched again by a models directory's rules, the models' answers kept: a rules draft is scored on the same
 * out-of-fold answers in seconds (the rules do not train any model), and by_file.py / blend_grid.py decide the rows
 * as IncidentDecider would. A source-file program on the packaged service's class path, not part of the service.
 *
 * <p>Arguments: models directory, rows TSV, then optionally JSONL files of {"id","text"} for rows whose text column
 * is a placeholder (AppealScores writes "x"). The rows go to standard output.
 */
public class ReMatch {
  public static void main(String[] a) throws Exception {
    Path dir = Path.of(a[0]);
    TopicRules rules = TopicRules.load(dir.resolve(TextAnalyzer.RULES), dir.resolve(TextAnalyzer.INCIDENT_RULES));
    Map<String, String> texts = new HashMap<>(); ObjectMapper om = new ObjectMapper();
    for (int i = 2; i < a.length; i++) {
      for (String line : Files.readAllLines(Path.of(a[i]))) {
        JsonNode n = om.readTree(line); texts.put(n.get("id").asText(), n.get("text").asText());
      }
    }
    TextNormalizer norm = new TextNormalizer();
    List<String> lines = Files.readAllLines(Path.of(a[1]));
    StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);  // config id source gold russian complaint incident type rules text
      String text = texts.getOrDefault(f[1], f[9]);
      StringJoiner rj = new StringJoiner(",");
      for (RuleMatch m : rules.match(norm.normalize(text).clean())) rj.add(m.ruleId() + ":" + m.label());
      f[8] = rj.toString();
      out.append(String.join("\t", f)).append('\n');
    }
    System.out.print(out); System.out.flush(); rules.close(); System.exit(0);
  }
}
