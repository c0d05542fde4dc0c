package ru.otklik.nlp.routing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.otklik.common.TsvFile;

/**
 * Topic × municipality → agency, as the region's routing file says (see {@code nlp-models/routing/routing.tsv}
 * for the lookup order). Immutable; safe from many threads.
 */
public final class RoutingTable {

    static final String ANY = "*";
    static final String UNKNOWN = "-";
    static final String ADMINISTRATION = "@administration";

    private final Map<String, Agency> agencies;
    private final Map<String, Agency> administrations;
    private final Map<String, Agency> byName;
    private final Map<String, String> rows;

    private RoutingTable(Map<String, Agency> agencies, Map<String, String> rows) {
        this.agencies = agencies;
        this.rows = rows;
        Map<String, Agency> admins = new HashMap<>();
        agencies.values().stream().filter(a -> a.municipality() != null)
                .forEach(a -> admins.put(a.municipality(), a));
        this.administrations = Map.copyOf(admins);
        Map<String, Agency> names = new HashMap<>();
        agencies.values().forEach(a -> names.putIfAbsent(a.name(), a));
        this.byName = Map.copyOf(names);
    }

    /** Loads {@code agencies.tsv} and {@code routing.tsv}; every agency a row names must exist. */
    public static RoutingTable load(Path agenciesFile, Path routingFile) {
        Map<String, Agency> agencies = new LinkedHashMap<>();
        for (TsvFile.Row row : TsvFile.read(agenciesFile, 2)) {
            String municipality = row.getOrEmpty(2);
            agencies.put(row.get(0), new Agency(row.get(0), row.get(1), municipality.isEmpty() ? null : municipality,
                    row.getOrEmpty(3)));
        }
        Map<String, String> rows = new LinkedHashMap<>();
        for (TsvFile.Row row : TsvFile.read(routingFile, 3)) {
            String agency = row.get(2);
            if (!agency.equals(ADMINISTRATION) && !agencies.containsKey(agency)) {
                throw new IllegalArgumentException(routingFile + ":" + row.line() + ": unknown agency '" + agency + "'");
            }
            rows.put(key(row.get(0), row.get(1)), agency);
        }
        if (!rows.containsKey(key(ANY, ANY))) {
            throw new IllegalArgumentException(routingFile + ": a fallback row '*\t*\t<agency>' is required");
        }
        return new RoutingTable(Map.copyOf(agencies), Map.copyOf(rows));
    }

    /** The agency for a topic in a municipality ({@code null} when the place is unknown). */
    public Route route(String topic, String municipality) {
        String place = municipality == null ? UNKNOWN : municipality;
        List<String> lookups = municipality == null
                ? List.of(key(topic, UNKNOWN), key(topic, ANY), key(ANY, UNKNOWN), key(ANY, ANY))
                : List.of(key(topic, place), key(topic, ANY), key(ANY, place), key(ANY, ANY));
        for (String lookup : lookups) {
            String agency = rows.get(lookup);
            Optional<Agency> resolved = agency == null ? Optional.empty() : resolve(agency, municipality);
            if (resolved.isPresent()) {
                return new Route(resolved.get(), lookup.replace('\u0000', '×'));
            }
        }
        throw new IllegalStateException("routing table has no fallback row");
    }

    private Optional<Agency> resolve(String agency, String municipality) {
        if (agency.equals(ADMINISTRATION)) {
            return municipality == null ? Optional.empty() : Optional.ofNullable(administrations.get(municipality));
        }
        return Optional.of(agencies.get(agency));
    }

    public Optional<Agency> agency(String code) {
        return Optional.ofNullable(agencies.get(code));
    }

    public java.util.Collection<Agency> agencies() {
        return agencies.values();
    }

    /** The table's agency of that name (as the agency model and the API name agencies), if it has one. */
    public Optional<Agency> agencyNamed(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static String key(String topic, String municipality) {
        return topic + '\u0000' + municipality;
    }
}
