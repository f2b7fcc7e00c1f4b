package cn.keyida.portal.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Cancellations promote the waiting line in order when two app instances handle them at once. Two
 * instances share nothing but PostgreSQL, so this models each instance as its own pool of threads with its
 * own database connections and transactions: what keeps them apart is the event row's lock in PostgreSQL
 * ({@code select ... for update}), the same lock a second process would meet.
 */
@QuarkusTest
class EventTwoInstancesTest {

    @Inject
    EventService service;

    @Test
    void aCancellationOnOneInstanceWaitsForTheOtherInstancesLockAndThePromotionsFollowTheLine() throws Exception {
        Event e = EventTestData.published("双实例递补测试" + System.nanoTime(), 2);
        String tag = e.id + "-" + System.nanoTime();
        for (int i = 1; i <= 4; i++) { // seats: 1, 2; waiting: 3, 4
            service.register(e.id, "s" + i + "-" + tag, "参会者" + i, null);
        }
        ExecutorService instanceA = Executors.newSingleThreadExecutor();
        ExecutorService instanceB = Executors.newSingleThreadExecutor();
        CountDownLatch aHoldsTheLock = new CountDownLatch(1);
        CountDownLatch releaseA = new CountDownLatch(1);
        // instance A cancels seat 1 and keeps its transaction open (the event row stays locked)
        Future<String> a = instanceA.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
            String promoted = service.cancelRegistration(e.id, "s1-" + tag, "参会者1").orElseThrow().subject;
            aHoldsTheLock.countDown();
            releaseA.await(30, TimeUnit.SECONDS);
            return promoted;
        }));
        assertThat(aHoldsTheLock.await(30, TimeUnit.SECONDS)).isTrue();
        // instance B cancels seat 2 meanwhile: it must wait for A's lock, not count seats beside it
        Future<String> b = instanceB.submit(() -> service.cancelRegistration(e.id, "s2-" + tag, "参会者2")
                .orElseThrow().subject);
        // instance B waits while instance A holds the event's row lock
        org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(700))
                .atMost(java.time.Duration.ofSeconds(3)).until(() -> !b.isDone());
        releaseA.countDown();
        assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo("s3-" + tag);
        assertThat(b.get(30, TimeUnit.SECONDS)).isEqualTo("s4-" + tag);
        instanceA.shutdown();
        instanceB.shutdown();
        assertThat(EventRegistrationTest.EventViewsCounts.of(e.id, RegistrationStatus.REGISTERED)).isEqualTo(2);
    }

    @Test
    void manyCancellationsSplitOverTwoInstancesPromoteEveryoneWaitingInQueueOrder() throws Exception {
        int seats = 12;
        Event e = EventTestData.published("双实例并发递补测试" + System.nanoTime(), seats);
        String tag = e.id + "-" + System.nanoTime();
        for (int i = 1; i <= seats * 2; i++) {
            service.register(e.id, "m" + i + "-" + tag, "参会者" + i, null);
        }
        // two instances, each with its own connection pool share: half the seats cancel on each, all at once
        ExecutorService instanceA = Executors.newFixedThreadPool(4);
        ExecutorService instanceB = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 1; i <= seats; i++) {
            String who = "m" + i + "-" + tag;
            all.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException ex) {
                    throw new IllegalStateException(ex);
                }
                service.cancelRegistration(e.id, who, who);
            }, i % 2 == 0 ? instanceA : instanceB));
        }
        start.countDown();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        instanceA.shutdown();
        instanceB.shutdown();

        assertThat(EventRegistrationTest.EventViewsCounts.of(e.id, RegistrationStatus.REGISTERED)).isEqualTo(seats);
        assertThat(EventRegistrationTest.EventViewsCounts.of(e.id, RegistrationStatus.WAITLISTED)).isZero();
        // the promotions, in the order they were committed, follow the queue numbers of the waiting line
        List<Long> promotedQueue = QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, Long> queueOf = Registration.<Registration>list("eventId", e.id).stream()
                    .collect(Collectors.toMap(r -> r.id, r -> r.queueNo));
            return EventTimeline.<EventTimeline>list("eventId = ?1 and action = 'PROMOTE' order by id", e.id).stream()
                    .map(t -> queueOf.get(t.registrationId)).toList();
        });
        assertThat(promotedQueue).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(seats + 1, seats * 2L).boxed().toList());
    }
}
