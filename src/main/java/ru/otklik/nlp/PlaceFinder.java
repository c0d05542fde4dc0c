package ru.otklik.nlp;

import java.util.ArrayList;
import java.util.List;

import ru.otklik.nlp.PostAnalysis.ExplainedEntity;
import ru.otklik.nlp.PostAnalysis.Place;
import ru.otklik.nlp.ner.Entity;
import ru.otklik.nlp.place.PlaceMention;
import ru.otklik.nlp.place.TulaGazetteer;

/**
 * Merges the gazetteer's Tula mentions with the name finder's LOC and ORG entities into the post's places,
 * and picks the post's municipality. Gazetteer mentions win where they overlap an entity, because they come
 * with a municipality; an entity that contains a gazetteer name ("администрация Щёкинского района")
 * inherits its municipality.
 */
public final class PlaceFinder {

    /** The places of a post, its municipality (a gazetteer code) and every entity for the explanation. */
    public record Result(List<Place> places, String municipality, List<ExplainedEntity> explained) {
    }

    private final TulaGazetteer gazetteer;

    public PlaceFinder(TulaGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public Result find(String clean, List<Entity> entities) {
        List<PlaceMention> mentions = gazetteer.find(clean);
        List<Place> places = new ArrayList<>();
        List<ExplainedEntity> explained = new ArrayList<>();
        for (PlaceMention m : mentions) {
            places.add(new Place(m.text(), "LOC", m.municipality()));
            explained.add(new ExplainedEntity(m.text(), "LOC", m.start(), m.end(), "gazetteer:" + m.municipality()));
        }
        for (Entity e : entities) {
            explained.add(new ExplainedEntity(e.text(), e.type(), e.start(), e.end(), "ner"));
            if (e.type().equals("PER") || overlapsExactly(e, mentions)) {
                continue;
            }
            String municipality = mentions.stream()
                    .filter(m -> m.start() >= e.start() && m.end() <= e.end())
                    .map(PlaceMention::municipality).findFirst().orElse(null);
            places.add(new Place(e.text(), e.type(), municipality));
        }
        String municipality = TulaGazetteer.municipalityOf(mentions).orElse(null);
        return new Result(List.copyOf(places), municipality, List.copyOf(explained));
    }

    private static boolean overlapsExactly(Entity e, List<PlaceMention> mentions) {
        for (PlaceMention m : mentions) {
            if (m.start() == e.start() && m.end() == e.end()) {
                return true;
            }
        }
        return false;
    }
}
