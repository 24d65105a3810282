package io.capexwatch.ingest.service;

import io.capexwatch.ingest.definitions.CompanyDefinitions;
import io.capexwatch.ingest.definitions.DefinitionsLoader;
import io.capexwatch.ingest.definitions.InvalidDefinitionsException;
import io.capexwatch.ingest.quarters.MetricConcepts;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * The companies' definitions files: versioned with the code (classpath definitions/TICKER.json), a file of
 * the same name in {@code capexwatch.definitions.directory} replacing one whole. Read once per ticker. A
 * file that cannot be used is logged as an ERROR and the company gets no company-defined measures (its
 * standard figures are unaffected) until it is fixed and the service restarted.
 */
@ApplicationScoped
public class Definitions {
    private static final Logger LOG = Logger.getLogger(Definitions.class);
    private final Optional<Path> directory;
    private final ConcurrentMap<String, Optional<CompanyDefinitions>> byTicker = new ConcurrentHashMap<>();

    public Definitions(@ConfigProperty(name = "capexwatch.definitions.directory") Optional<String> directory) {
        this.directory = directory.filter(d -> !d.isBlank()).map(Path::of);
    }

    /**
     * The us-gaap concepts a companyfacts document is read for: the standard metrics' and those the
     * definitions of the bundled companies and of every file in the deployment's directory read.
     */
    public Set<String> companyFactsConcepts() {
        List<String> tickers = new ArrayList<>(DefinitionsLoader.BUNDLED);
        directory.filter(Files::isDirectory).ifPresent(dir -> {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                        .map(n -> n.substring(0, n.length() - ".json".length())).forEach(tickers::add);
            } catch (IOException e) {
                LOG.errorf("definitions directory %s not readable: %s", dir, e.getMessage());
            }
        });
        Set<String> concepts = new HashSet<>(MetricConcepts.allConcepts());
        concepts.addAll(DefinitionsLoader.usGaapConcepts(tickers.stream().distinct()
                .map(this::forTicker).flatMap(Optional::stream).toList()));
        return Set.copyOf(concepts);
    }

    public Optional<CompanyDefinitions> forTicker(String ticker) {
        return byTicker.computeIfAbsent(ticker.toUpperCase(java.util.Locale.ROOT), t -> {
            try {
                return t.matches("[A-Z0-9.]{1,10}") ? DefinitionsLoader.forCompany(t, directory) : Optional.empty();
            } catch (InvalidDefinitionsException e) {
                LOG.errorf("definitions of %s not used: %s", t, e.getMessage());
                return Optional.empty();
            }
        });
    }
}
