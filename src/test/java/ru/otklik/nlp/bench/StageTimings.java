package ru.otklik.nlp.bench;

import java.nio.file.*; import java.util.*;
import ru.otklik.nlp.*; import ru.otklik.nlp.text.*; import ru.otklik.nlp.features.*; import ru.otklik.nlp.rules.*; import ru.otklik.nlp.place.*;
/** Per-stage timings of the analysis, single thread (see docs/nlp.md). */
public class StageTimings {
  public static void main(String[] a) throws Exception {
    TextAnalyzer an = TextAnalyzer.load(Path.of("nlp-models"), Optional.empty());
    List<String> posts = Files.readAllLines(Path.of("src/test/resources/nlp/bench-posts.txt")).stream().filter(s -> !s.isBlank()).toList();
    TextNormalizer n = new TextNormalizer(); FeatureExtractor fx = new FeatureExtractor();
    TopicRules rules = TopicRules.load(Path.of("nlp-models/rules/topics.tsv"));
    TulaGazetteer gz = TulaGazetteer.load(Path.of("nlp-models/gazetteer/municipalities.tsv"));
    for (int rep = 0; rep < 3; rep++) {
      long t0=System.nanoTime(); for (int i=0;i<200;i++) n.normalize(posts.get(i%16)); long t1=System.nanoTime();
      for (int i=0;i<200;i++) fx.extract(n.normalize(posts.get(i%16)).folded()); long t2=System.nanoTime();
      Features f = fx.extract(n.normalize(posts.get(0)).folded());
      for (String task: List.of("complaint","topic","conflict","sentiment","agency")) { long s=System.nanoTime(); for (int i=0;i<200;i++) an.models().categorizer(task).predict(f); System.out.printf("  %s %.3f ms%n", task, (System.nanoTime()-s)/200e6); }
      long t3=System.nanoTime(); for (int i=0;i<200;i++) an.models().entities().find(posts.get(i%16)); long t4=System.nanoTime();
      for (int i=0;i<200;i++) rules.match(posts.get(i%16)); long t5=System.nanoTime();
      for (int i=0;i<200;i++) gz.find(posts.get(i%16)); long t6=System.nanoTime();
      for (int i=0;i<200;i++) an.models().language().detect(posts.get(i%16)); long t7=System.nanoTime();
      System.out.printf("norm %.3f fx %.3f ner %.3f rules %.3f gaz %.3f lang %.3f ms%n",(t1-t0)/200e6,(t2-t1)/200e6,(t4-t3)/200e6,(t5-t4)/200e6,(t6-t5)/200e6,(t7-t6)/200e6);
    }
  }
}
