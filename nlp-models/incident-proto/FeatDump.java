import java.nio.file.*; import java.io.*; import java.util.*; import com.fasterxml.jackson.databind.*;
import ru.otklik.nlp.text.*; import ru.otklik.nlp.features.*;
/** JSONL {"id","text"} -> TSV: id \t "count name" per feature (the featuriser every categoriser trains on). */
public class FeatDump {
  public static void main(String[] a) throws Exception {
    TextNormalizer norm = new TextNormalizer(); FeatureExtractor fx = new FeatureExtractor(); ObjectMapper om = new ObjectMapper();
    try (BufferedReader r = Files.newBufferedReader(Path.of(a[0])); PrintWriter w = new PrintWriter(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(a[1]), "UTF-8"), 1 << 20))) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode n = om.readTree(line);
        Features f = fx.extract(norm.normalize(n.get("text").asText()).folded());
        StringBuilder sb = new StringBuilder(n.get("id").asText());
        for (Map.Entry<String, Integer> e : f.counts().entrySet()) sb.append('\t').append(e.getValue()).append(' ').append(e.getKey());
        w.println(sb);
      }
    }
    System.exit(0);
  }
}
