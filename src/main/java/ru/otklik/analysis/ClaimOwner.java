package ru.otklik.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HexFormat;
import java.util.UUID;
import ru.otklik.common.OtklikConfig;
import ru.otklik.common.SecretFile;

/**
 * The name this process writes on its claims: the node (stable across restarts, from the configuration or a
 * random id kept in the data dir) and the boot (new at every start). A node's claims outside its own poll are
 * leftovers of a crash or of a failed round, so it can take them back at once; other nodes wait for the
 * claim timeout.
 */
@ApplicationScoped
public class ClaimOwner {

    static final String NODE_FILE = "node.id";

    private final String node;
    private final UUID boot = UUID.randomUUID();

    public ClaimOwner(AnalysisConfig config, OtklikConfig otklik) {
        this.node = config.nodeId().orElseGet(() ->
                HexFormat.of().formatHex(SecretFile.readOrCreate(otklik.dataDir().resolve(NODE_FILE)), 0, 8));
    }

    public String node() {
        return node;
    }

    public UUID boot() {
        return boot;
    }
}
