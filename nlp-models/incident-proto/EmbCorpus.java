import java.io.*; import java.nio.file.*; import java.util.*; import java.util.zip.CRC32;
import ru.otklik.nlp.data.*; import ru.otklik.nlp.text.*;
/**
 * The unlabelled text emb.py learns word vectors from, one folded text a line (what FeatureExtractor sees): SPb and
 * Kursk appeals off their dev fold, the training half of the real tweets, Skoltech and RUSSE comments, UD sentences,
 * NEREL news passages. Nothing of labelled/ (neither its rows nor the appeals and tweets its rows come from, test rows
 * included) and no dev appeal or check-half tweet, so the vectors know nothing of what the rule judges.
 * Args: labelled, datasets, out file.
 */
public class EmbCorpus {
  static final TextNormalizer NORM = new TextNormalizer();
  public static void main(String[] a) throws Exception {
    SharedDatasets data = new SharedDatasets(Path.of(a[1]));
    List<LabelledPosts.Post> all = new LabelledPosts(Optional.of(Path.of(a[1]))).read(Path.of(a[0])).posts();
    Set<String> refs = new HashSet<>();
    for (LabelledPosts.Post p : all) refs.add(p.ref());
    Set<String> tweetRefs = new HashSet<>();
    for (String r : refs) if (r.matches("\\d+")) tweetRefs.add(r);
    int n = 0;
    try (PrintWriter f = new PrintWriter(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(a[2]), "UTF-8"), 1 << 20))) {
      for (LabeledText t : data.spbCategories()) if (crc(t.id()) % 5 != 0) n += put(f, t.text());
      for (LabeledText t : data.kursk("Категория"))
        if (crc(t.id()) % 5 != 0 && !refs.contains("kursk:" + t.id().substring("kursk-".length()))) n += put(f, t.text());
      for (LabeledText t : RealTweets.of(data.ruSentiTweet(), tweetRefs).training()) n += put(f, t.text());
      for (LabeledText t : data.skoltechFrom(0.5)) n += put(f, t.text());
      for (LabeledText t : data.russe("train.tsv")) n += put(f, t.text());
      for (LabeledText t : data.udSentences("none")) n += put(f, t.text());
      for (LabeledText t : data.newsPassages("none")) n += put(f, t.text());
    }
    System.err.println(n + " texts");
    System.exit(0);
  }
  static long crc(String s) { CRC32 c = new CRC32(); c.update(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)); return c.getValue(); }
  static int put(PrintWriter f, String text) {
    String folded = NORM.normalize(text).folded().replace('\n', ' ').replace('\r', ' ');
    if (folded.isBlank()) return 0;
    f.println(folded); return 1;
  }
}
