package io.capexwatch.e2e;

import io.capexwatch.e2e.EarningsDayFilings.CompanyDay;
import io.capexwatch.e2e.EarningsDayFilings.Quarter;
import io.capexwatch.e2e.EarningsDayFilings.Stage;
import io.capexwatch.localinfra.EdgarStub;
import io.capexwatch.localinfra.LocalInfrastructure;
import io.capexwatch.localinfra.launch.CapexWatchSystem;
import io.capexwatch.localinfra.launch.Service;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.capexwatch.localinfra.EdgarStub.older;
import static io.capexwatch.localinfra.EdgarStub.slow;
import static io.capexwatch.localinfra.EdgarStub.status;
import static io.capexwatch.localinfra.EdgarStub.tooManyRequests;
import static io.capexwatch.localinfra.EdgarStub.truncated;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An earnings day end to end, with faults (issue 10). Two replicas of every service poll a loopback EDGAR on
 * which all seven watched companies publish an 8-K item 2.02 and then their 10-Q, several in the same poll
 * round, with companyfacts lagging submissions by one to three polls, a 429 with Retry-After, 503 bursts, a
 * slow answer, a body cut off halfway and a 10-Q/A right after one 10-Q (see {@link EarningsDayFilings}).
 * While it runs, PostgreSQL, Redis and the Kafka broker are each stopped and started again, and one replica
 * of each service (the polling one, for earnings-ingest) is killed with SIGKILL and started again.
 *
 * <p>Afterwards every filing's figures must be in all three services exactly as the documents say (the state
 * a day without faults ends in: the expected values come from the documents themselves), each metrics
 * revision evaluated once, both verdict-api replicas serving the same bytes, and nothing dead-lettered. Every
 * check is reported, passed or failed, and the run's figures go to {@code target/earnings-day.md}.
 *
 * <p>Knobs (system properties, for {@code bench/earnings-day.sh}): {@code capexwatch.earnings-day.poll-seconds}
 * (default 2), {@code .rounds-between-steps} (1), {@code .fault-cycles} (1), {@code .convergence-seconds} (150).
 */
class EarningsDayEndToEndIT {
    private static final Duration POLL = Duration.ofSeconds(Long.getLong("capexwatch.earnings-day.poll-seconds", 2));
    private static final int ROUNDS_BETWEEN_STEPS = Integer.getInteger("capexwatch.earnings-day.rounds-between-steps", 1);
    private static final int FAULT_CYCLES = Integer.getInteger("capexwatch.earnings-day.fault-cycles", 1);
    private static final Duration CONVERGENCE = Duration.ofSeconds(Long.getLong("capexwatch.earnings-day.convergence-seconds", 150));
    /** Figures are compared for each company's latest quarters (the day's and the four before). */
    private static final int QUARTERS_COMPARED = 5;
    private static final Pattern REPLICA = Pattern.compile("replica-(\\d+)");

    private static EdgarStub edgar;
    private static CapexWatchSystem system;
    private static List<CompanyDay> days;
    private static final List<String> faults = new CopyOnWriteArrayList<>();
    /** Every status earnings-ingest showed for each company during the day, sampled every 250 ms. */
    private static final Map<String, Set<String>> statusesSeen = new ConcurrentHashMap<>();
    /** Samples taken and their last time, so a check that saw too little says how much it saw. */
    private static final java.util.concurrent.atomic.AtomicLong samples = new java.util.concurrent.atomic.AtomicLong();
    private static volatile Instant lastSample;
    /** A sample never waits long on a replica that is restarting: it asks the other one (or the next sample does). */
    private static final RestAssuredConfig SAMPLE_TIMEOUTS = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 1_000).setParam("http.socket.timeout", 1_000));

    @BeforeAll
    static void start() {
        Path root = Path.of(System.getProperty("capexwatch.project.root", ".."));
        days = EarningsDayFilings.all(root);
        edgar = new EdgarStub();
        for (CompanyDay day : days) {
            edgar.serve(day.factsPath(), day.factsBefore());
            edgar.serve(day.submissionsPath(), day.submissions(Stage.BEFORE));
        }
        system = CapexWatchSystem.start(root, null, Path.of("target", "e2e-logs", "earnings-day"), Map.of(
                "CAPEXWATCH_EDGAR_BASE_URL", edgar.baseUrl(),
                "CAPEXWATCH_EDGAR_USER_AGENT", "capex-watch e2e replica-{replica} e2e@example.com",
                "CAPEXWATCH_EDGAR_POLL_INTERVAL", POLL.toSeconds() + "s",
                // A killed poller is taken over after 5 poll intervals instead of 3 intervals + 60 s.
                "CAPEXWATCH_EDGAR_LEASE_TTL", POLL.multipliedBy(5).toSeconds() + "s",
                "CAPEXWATCH_EDGAR_FIRST_POLL_DELAY", "1s",
                "CAPEXWATCH_EDGAR_INITIAL_BACKOFF", "1s",
                "CAPEXWATCH_EDGAR_REQUESTS_PER_SECOND", "10"), CapexWatchSystem.freePorts(), 2);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        if (edgar != null) {
            edgar.close();
        }
    }

    @Test
    void anEarningsDayWithFaultsEndsExactlyAsOneWithout() throws Exception {
        // Before the day: every company's previous quarter is known everywhere.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (CompanyDay day : days) {
                for (String url : system.urls(Service.VERDICT_API)) {
                    given().baseUri(url).get("/api/verdicts/" + day.ticker()).then().statusCode(200)
                            .body("periodEnd", org.hamcrest.Matchers.is(day.expected().lowerKey(day.tenQ().reportDate()).toString()));
                }
            }
        });
        Instant dayStart = Instant.now();

        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(EarningsDayEndToEndIT::sampleStatuses, 0, 250, TimeUnit.MILLISECONDS);
        ExecutorService faultThread = Executors.newSingleThreadExecutor();
        Future<Instant> lastFault = faultThread.submit(this::injectFaults);
        playTheDay();
        Instant faultsOver = lastFault.get(10, TimeUnit.MINUTES);
        faultThread.shutdown();

        Instant converged = null;
        Instant deadline = faultsOver.plus(CONVERGENCE);
        SoftChecks checks;
        do {
            checks = finalState();
            if (checks.failed() == 0) {
                converged = Instant.now();
                break;
            }
            Thread.sleep(1000);
        } while (Instant.now().isBefore(deadline));
        Duration convergence = converged == null ? null : Duration.between(faultsOver, converged);
        sampler.shutdownNow();
        statusesDuringTheDay(checks);

        String results = results(checks, Duration.between(dayStart, faultsOver), convergence);
        System.out.println(results);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "earnings-day.md"), results);
        checks.assertAllPassed();
    }

    /** The day on EDGAR, step by step; a step waits for the poller's rounds, however long faults hold them up. */
    private void playTheDay() {
        // 15:00-16:05: every company's earnings release (8-K item 2.02); CoreWeave's submissions first answer 429.
        edgar.script(day("CRWV").submissionsPath(), tooManyRequests(Duration.ofSeconds(1)));
        days.forEach(d -> edgar.serve(d.submissionsPath(), d.submissions(Stage.RELEASED)));
        awaitRounds(ROUNDS_BETWEEN_STEPS);

        // Alphabet's 10-Q, its companyfacts one poll behind; Amazon's companyfacts answers 429 Retry-After first.
        file(day("GOOGL"), older(day("GOOGL").factsBefore()));
        file(day("AMZN"), tooManyRequests(Duration.ofSeconds(1)));
        awaitRounds(ROUNDS_BETWEEN_STEPS);

        // Microsoft's companyfacts two polls behind; Meta's answers a burst of three 503s.
        file(day("MSFT"), older(day("MSFT").factsBefore()), older(day("MSFT").factsBefore()));
        file(day("META"), status(503), status(503), status(503));
        awaitRounds(ROUNDS_BETWEEN_STEPS);

        // Oracle's companyfacts is slow (3 s), Nvidia's is cut off halfway, CoreWeave's three polls behind
        // (and its submissions answer one 503).
        file(day("ORCL"), slow(Duration.ofSeconds(3)));
        file(day("NVDA"), truncated());
        edgar.script(day("CRWV").submissionsPath(), status(503));
        file(day("CRWV"), older(day("CRWV").factsBefore()), older(day("CRWV").factsBefore()), older(day("CRWV").factsBefore()));

        // Meta's 10-Q/A, right after its 10-Q's companyfacts went out.
        CompanyDay meta = day("META");
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() ->
                edgar.requests(meta.factsPath()).stream().anyMatch(r -> r.status() == 200 && r.behaviour().equals("document")));
        edgar.serve(meta.factsPath(), meta.factsAmended());
        edgar.serve(meta.submissionsPath(), meta.submissions(Stage.AMENDED));
        awaitRounds(ROUNDS_BETWEEN_STEPS);
    }

    /** The company's 10-Q appears in submissions; its companyfacts answers {@code first} before the new document. */
    private static void file(CompanyDay day, EdgarStub.Behaviour... first) {
        edgar.serve(day.factsPath(), day.factsAfter(), first);
        edgar.serve(day.submissionsPath(), day.submissions(Stage.FILED));
    }

    /**
     * Waits until every company's submissions have been answered (200 or 304) {@code rounds} more times. Counting
     * one company's answers is not enough: a round already under way when the step changed EDGAR has polled the
     * companies before it with the old documents (the 8-K would then be overtaken by the 10-Q unseen).
     */
    private static void awaitRounds(int rounds) {
        Map<String, Long> targets = new HashMap<>();
        days.forEach(d -> targets.put(d.submissionsPath(), answered(d.submissionsPath()) + rounds));
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                targets.entrySet().stream().allMatch(target -> answered(target.getKey()) >= target.getValue()));
    }

    private static long answered(String path) {
        return edgar.requests(path).stream().filter(r -> r.status() == 200 || r.status() == 304).count();
    }

    /** PostgreSQL, Redis and Kafka each stopped and started again, then one replica of each service killed; returns when all is back. */
    private Instant injectFaults() {
        LocalInfrastructure infra = system.infrastructure();
        for (int cycle = 1; cycle <= FAULT_CYCLES; cycle++) {
            outage("PostgreSQL stopped (fast shutdown) and started again on its port and data", infra::stopPostgres, infra::startPostgres);
            pause(Duration.ofSeconds(2));
            outage("Redis stopped and started again (empty) on its port", infra::stopRedis, infra::startRedis);
            pause(Duration.ofSeconds(2));
            outage("Kafka broker stopped (SIGTERM) and started again on its ports and data", infra::stopKafka, infra::startKafka);
            pause(Duration.ofSeconds(2));
            killOneReplicaOfEach();
        }
        return Instant.now();
    }

    private static void outage(String what, Runnable stop, Runnable start) {
        long begin = System.nanoTime();
        stop.run();
        pause(Duration.ofSeconds(3));
        start.run();
        faults.add(what + ": down " + Duration.ofNanos(System.nanoTime() - begin).toMillis() + " ms");
    }

    /**
     * SIGKILL, at once, for the replica of earnings-ingest that polls, the first capex-tracker and the second
     * verdict-api. The poller's lease (CAPEXWATCH_EDGAR_LEASE_TTL, 5 poll intervals here) has to expire before the other replica, or the
     * restarted one under a new identity, polls again.
     */
    private static void killOneReplicaOfEach() {
        int poller = pollingReplica();
        Map<Service, Integer> victims = Map.of(Service.EARNINGS_INGEST, poller, Service.CAPEX_TRACKER, 0, Service.VERDICT_API, 1);
        long begin = System.nanoTime();
        victims.forEach(system::kill);
        List<CompletableFuture<Void>> restarts = new ArrayList<>();
        victims.forEach((service, index) -> restarts.add(CompletableFuture.runAsync(() -> system.startAgain(service, index))));
        restarts.forEach(CompletableFuture::join);
        faults.add("SIGKILL earnings-ingest replica " + (poller + 1) + " (the one that made the last EDGAR request: the poller,"
                + " unless the lease is between holders), capex-tracker replica 1, verdict-api replica 2; all three started again and ready after "
                + Duration.ofNanos(System.nanoTime() - begin).toMillis() + " ms");
    }

    /** The earnings-ingest replica that made the last EDGAR request (each polls under its own User-Agent). */
    private static int pollingReplica() {
        Matcher matcher = REPLICA.matcher(edgar.requests().getLast().header("User-Agent"));
        assertTrue(matcher.find());
        return Integer.parseInt(matcher.group(1)) - 1;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The number at {@code path}, failing with {@code what} when it is absent. */
    private static long longAt(JsonPath json, String path, String what) {
        Number value = json.get(path);
        assertNotNull(value, what + " absent");
        return value.longValue();
    }

    private static CompanyDay day(String ticker) {
        return days.stream().filter(d -> d.ticker().equals(ticker)).findFirst().orElseThrow();
    }

    private static void sampleStatuses() {
        for (String url : system.urls(Service.EARNINGS_INGEST)) {
            try {
                List<Map<String, Object>> companies = given().config(SAMPLE_TIMEOUTS).baseUri(url).get("/api/companies")
                        .then().statusCode(200).extract().jsonPath().getList("$");
                companies.forEach(c -> statusesSeen.computeIfAbsent((String) c.get("ticker"), t -> ConcurrentHashMap.newKeySet())
                        .add(String.valueOf(c.get("status"))));
                samples.incrementAndGet();
                lastSample = Instant.now();
                return;
            } catch (Exception | AssertionError e) {
                // This replica is down (killed, or PostgreSQL is): ask the other. REST Assured throws a refused or
                // timed-out connection as a checked IOException; letting it escape would end the schedule.
            }
        }
    }

    /**
     * What the watchlist said on the way: every company "results released, awaiting the filing" after its 8-K,
     * and "awaiting XBRL" for those whose companyfacts lagged by two or three polls (a one-poll lag may pass
     * between two samples).
     */
    private static void statusesDuringTheDay(SoftChecks checks) {
        for (CompanyDay day : days) {
            checks.check(day.ticker() + ": status RESULTS_RELEASED_AWAITING_FILING seen after its 8-K", () ->
                    assertTrue(statusesSeen.getOrDefault(day.ticker(), Set.of()).contains("RESULTS_RELEASED_AWAITING_FILING"),
                            "statuses seen: " + statusesSeen.get(day.ticker())));
        }
        for (String ticker : List.of("MSFT", "CRWV")) {
            checks.check(ticker + ": status AWAITING_XBRL seen while its companyfacts lagged its 10-Q", () ->
                    assertTrue(statusesSeen.getOrDefault(ticker, Set.of()).contains("AWAITING_XBRL"),
                            "statuses seen: " + statusesSeen.get(ticker) + " in " + samples.get() + " samples, the last at " + lastSample));
        }
    }

    /** Every guarantee, checked against the documents' own figures. */
    private SoftChecks finalState() {
        SoftChecks checks = new SoftChecks();
        String ingest = system.url(Service.EARNINGS_INGEST);
        String tracker = system.url(Service.CAPEX_TRACKER);
        for (CompanyDay day : days) {
            String t = day.ticker();
            List<Quarter> compared = new ArrayList<>(day.expected().headMap(day.tenQ().reportDate(), true).values());
            List<Quarter> latest = compared.subList(Math.max(0, compared.size() - QUARTERS_COMPARED), compared.size());
            checks.check(t + ": earnings-ingest status up to date on " + day.lastFiling().form() + " " + day.lastFiling().accession(), () -> {
                JsonPath companies = given().baseUri(ingest).get("/api/companies").then().statusCode(200).extract().jsonPath();
                String me = "find { it.ticker == '" + t + "' }";
                assertEquals(day.lastFiling().accession(), companies.getString(me + ".lastFiling.accession"), "lastFiling");
                assertEquals("UP_TO_DATE", companies.getString(me + ".status"), companies.getString(me + ".statusDetail"));
                assertEquals(companies.getLong(me + ".revision"), companies.getLong(me + ".publishedRevision"), "published revision");
            });
            checks.check(t + ": earnings-ingest fundamentals of the last " + latest.size() + " quarters", () -> {
                JsonPath fundamentals = given().baseUri(ingest).get("/api/companies/" + t + "/fundamentals").then().statusCode(200)
                        .extract().jsonPath();
                for (Quarter q : latest) {
                    String at = "find { it.periodEnd == '" + q.end() + "' }.values";
                    assertEquals(q.ocf(), longAt(fundamentals, at + ".OPERATING_CASH_FLOW.value", q.end() + " OCF"), q.end() + " OCF");
                    assertEquals(q.capex(), longAt(fundamentals, at + ".CAPEX.value", q.end() + " capex"), q.end() + " capex");
                    assertEquals(q.accession(), fundamentals.getString(at + ".CAPEX.provenance.filing.accession"), q.end() + " capex filing");
                }
            });
            checks.check(t + ": capex-tracker metrics of the last " + latest.size() + " quarters", () -> {
                JsonPath metrics = given().baseUri(tracker).get("/api/companies/" + t + "/metrics").then().statusCode(200)
                        .extract().jsonPath();
                for (Quarter q : latest) {
                    String at = "quarters.find { it.periodEnd == '" + q.end() + "' }";
                    assertEquals(q.ocf(), longAt(metrics, at + ".ocf", q.end() + " OCF"), q.end() + " OCF");
                    assertEquals(q.capex(), longAt(metrics, at + ".capex", q.end() + " capex"), q.end() + " capex");
                    assertEquals(q.fcf(), longAt(metrics, at + ".fcf", q.end() + " FCF"), q.end() + " FCF");
                }
            });
            for (int replica = 0; replica < 2; replica++) {
                String url = system.urls(Service.VERDICT_API).get(replica);
                checks.check(t + ": verdict on verdict-api replica " + (replica + 1) + " rests on " + day.lastFiling().accession(), () -> {
                    JsonPath verdict = given().baseUri(url).get("/api/verdicts/" + t).then().statusCode(200).extract().jsonPath();
                    assertEquals(day.tenQ().reportDate().toString(), verdict.getString("periodEnd"), "periodEnd");
                    assertEquals(day.lastFiling().accession(), verdict.getString("basedOn.accession"), "basedOn");
                    assertEquals("UP_TO_DATE", verdict.getString("filing.status"), "filing.status");
                    int seen = 0;
                    for (Quarter q : latest) {
                        String at = "quarters.find { it.periodEnd == '" + q.end() + "' }";
                        if (verdict.get(at) != null) {
                            seen++;
                            assertEquals(q.ocf(), longAt(verdict, at + ".ocf", q.end() + " OCF"), q.end() + " OCF");
                            assertEquals(q.capex(), longAt(verdict, at + ".capex", q.end() + " capex"), q.end() + " capex");
                            assertEquals(q.fcf(), longAt(verdict, at + ".fcf", q.end() + " FCF"), q.end() + " FCF");
                        }
                    }
                    assertTrue(seen > 0, "no compared quarter in the verdict");
                });
            }
            checks.check(t + ": evaluated once per filing (history " + (1 + day.figureFilings()) + ", no metrics revision twice,"
                    + " one per capex-tracker revision)", () -> {
                List<Integer> revisions = given().baseUri(system.url(Service.VERDICT_API)).get("/api/verdicts/" + t + "/history")
                        .then().statusCode(200).extract().jsonPath().getList("metricsRevision", Integer.class);
                assertEquals(revisions.size(), new HashSet<>(revisions).size(), "a metrics revision evaluated twice: " + revisions);
                int trackerRevisions = given().baseUri(tracker).get("/api/companies/" + t + "/metrics/revisions").then()
                        .statusCode(200).extract().jsonPath().getList("$").size();
                assertEquals(trackerRevisions, revisions.size(), "evaluations vs capex-tracker revisions: " + revisions);
                assertEquals(1 + day.figureFilings(), revisions.size(), "evaluations (before the day + the day's filings): " + revisions);
            });
        }
        checks.check("both verdict-api replicas serve identical bytes and ETag for /api/verdicts", () -> {
            Response first = given().baseUri(system.urls(Service.VERDICT_API).get(0)).get("/api/verdicts");
            Response second = given().baseUri(system.urls(Service.VERDICT_API).get(1)).get("/api/verdicts");
            assertEquals(first.asString(), second.asString());
            assertNotNull(first.header("ETag"));
            assertEquals(first.header("ETag"), second.header("ETag"));
        });
        checks.check("nothing on any *.dlq topic", () -> {
            Map<String, Long> dlq = DeadLetters.count(system.infrastructure().endpoints().kafkaBootstrap());
            assertTrue(dlq.values().stream().allMatch(n -> n == 0), "dead-lettered: " + dlq);
        });
        return checks;
    }

    /** The run in Markdown: filings, faults, lost and duplicated, convergence, and every check. */
    private String results(SoftChecks checks, Duration faultWindow, Duration convergence) throws IOException {
        int lost = 0;
        int duplicated = 0;
        for (CompanyDay day : days) {
            JsonPath verdict = given().baseUri(system.url(Service.VERDICT_API)).get("/api/verdicts/" + day.ticker()).jsonPath();
            boolean tenQIn = day.tenQ().reportDate().toString().equals(verdict.getString("periodEnd"));
            boolean lastIn = tenQIn && day.lastFiling().accession().equals(verdict.getString("basedOn.accession"));
            lost += !tenQIn ? day.figureFilings() : lastIn ? 0 : 1;
            List<Integer> history = given().baseUri(system.url(Service.VERDICT_API)).get("/api/verdicts/" + day.ticker() + "/history")
                    .jsonPath().getList("metricsRevision", Integer.class);
            duplicated += history == null ? 0 : history.size() - new HashSet<>(history).size();
        }
        long requests = edgar.requests().size();
        long scripted = edgar.requests().stream().filter(r -> !r.behaviour().equals("document")).count();
        // A lagging companyfacts answer left in the queue means the poller never asked for that document again.
        int neverAsked = days.stream().mapToInt(d -> edgar.queued(d.factsPath()) + edgar.queued(d.submissionsPath())).sum();
        StringBuilder out = new StringBuilder();
        out.append("## Earnings day with faults: one run\n\n");
        out.append("| | |\n|---|---|\n");
        out.append("| filings | ").append(days.size()).append(" 8-K item 2.02, ").append(days.size()).append(" 10-Q, ")
                .append(days.stream().filter(d -> d.amendment() != null).count()).append(" 10-Q/A |\n");
        out.append("| EDGAR requests | ").append(requests).append(", of which ").append(scripted)
                .append(" answered by a scripted fault (lagging companyfacts, 429, 503, slow, truncated); ").append(neverAsked)
                .append(" scripted answers never asked for |\n");
        out.append("| infrastructure and process faults | ").append(faults.size()).append(" (listed below), over ")
                .append(faultWindow.toSeconds()).append(" s |\n");
        out.append("| lost | ").append(lost).append(" |\n");
        out.append("| duplicated | ").append(duplicated).append(" |\n");
        out.append("| last fault to convergence | ")
                .append(convergence == null ? "not converged within " + CONVERGENCE.toSeconds() + " s" : convergence.toMillis() + " ms")
                .append(" |\n");
        out.append("| poll interval, rounds between steps, fault cycles | ").append(POLL.toSeconds()).append(" s, ")
                .append(ROUNDS_BETWEEN_STEPS).append(", ").append(FAULT_CYCLES).append(" |\n\n");
        out.append("Faults:\n\n");
        faults.forEach(f -> out.append("- ").append(f).append('\n'));
        out.append("\nChecks (").append(checks.failed()).append(" failed):\n\n```\n").append(checks.report()).append("\n```\n");
        return out.toString();
    }
}
