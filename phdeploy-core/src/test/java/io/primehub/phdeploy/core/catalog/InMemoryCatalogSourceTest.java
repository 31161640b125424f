package io.primehub.phdeploy.core.catalog;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryCatalogSourceTest {

  private final Catalog fixture = FixtureCatalog.load();
  private final InMemoryCatalogSource source = InMemoryCatalogSource.of(fixture);

  @Test
  void answersTheCatalogItHolds() throws CatalogUnavailableException {
    assertThat(source.catalog()).isEqualTo(fixture);
  }

  @Test
  void failsWithTheOutageMessageUntilItRecovers() throws CatalogUnavailableException {
    source.failWith("GraphQL server unreachable");

    assertThatExceptionOfType(CatalogUnavailableException.class)
        .isThrownBy(source::catalog)
        .withMessage("GraphQL server unreachable");

    source.recover();
    assertThat(source.catalog()).isEqualTo(fixture);
  }

  @Test
  void keepsChangesMadeDuringAnOutage() throws CatalogUnavailableException {
    source.failWith("down").removeGroup("sandbox").recover();

    assertThat(source.catalog().group("sandbox")).isEmpty();
  }

  @Test
  void putsAGroupInPlaceOfTheOneOfTheSameName() throws CatalogUnavailableException {
    Group emptied = Group.builder().name("phusers").build();

    source.put(emptied).put(Group.builder().name("new").build());

    assertThat(source.catalog().groups())
        .extracting(Group::name)
        .containsExactly("phusers", "sandbox", "new");
    assertThat(source.catalog().group("phusers")).contains(emptied);
  }

  @Test
  void putsAndRemovesInstanceTypes() throws CatalogUnavailableException {
    InstanceType bigger =
        InstanceType.builder().name("cpu-only").limits(ResourceQuantities.of("2", "4Gi", null))
            .global(true).build();

    source.put(bigger).removeInstanceType("gpu-1");

    assertThat(source.catalog().instanceTypes()).containsExactly(bigger);
  }

  @Test
  void replacesTheWholeCatalog() throws CatalogUnavailableException {
    source.replace(Catalog.empty());

    assertThat(source.catalog()).isEqualTo(Catalog.empty());
  }

  @Test
  void enablesModelDeploymentForAGroup() throws CatalogUnavailableException {
    source.enableModelDeployment("sandbox");

    Group sandbox = source.catalog().group("sandbox").orElseThrow();
    assertThat(sandbox.modelDeploymentEnabled()).isTrue();
    assertThat(sandbox.id()).isEqualTo(fixture.group("sandbox").orElseThrow().id());
    assertThat(source.catalog().groups()).extracting(Group::name)
        .containsExactly("phusers", "sandbox");
  }

  @Test
  void refusesToEnableAGroupItDoesNotHold() throws CatalogUnavailableException {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> source.enableModelDeployment("nobody"))
        .withMessage("the catalog has no group 'nobody' to enable");
    assertThat(source.catalog()).isEqualTo(fixture);
  }

  @Test
  void losesNoChangeMadeConcurrently() throws Exception {
    int threads = 8;
    int groupsPerThread = 300;
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String prefix = "t" + t + "-";
        writers.add(pool.submit(writer(start, prefix, groupsPerThread)));
      }
      Future<Integer> reader = pool.submit(reader(start, writers));
      start.countDown();
      for (Future<?> writer : writers) {
        writer.get(1, TimeUnit.MINUTES);
      }
      assertThat(reader.get(1, TimeUnit.MINUTES)).isPositive();
    } finally {
      pool.shutdownNow();
    }

    Catalog result = source.catalog();
    assertThat(result.groups()).hasSize(2 + threads * groupsPerThread);
    assertThat(result.groups()).allSatisfy(g -> assertThat(g.modelDeploymentEnabled()).isTrue());
    assertThat(result.instanceTypes()).hasSize(2 + threads * groupsPerThread);
  }

  /** Adds groups and instance types and enables each group as a separate change. */
  private Callable<Void> writer(CountDownLatch start, String prefix, int count) {
    return () -> {
      start.await();
      source.enableModelDeployment("sandbox");
      for (int i = 0; i < count; i++) {
        String name = prefix + i;
        source.put(Group.builder().name(name).build()).enableModelDeployment(name);
        source.put(InstanceType.builder().name(name).build());
      }
      return null;
    };
  }

  @Test
  void listenersHearOfEveryChangeOutageAndRecoveryButNotOfNoOps() {
    AtomicInteger heard = new AtomicInteger();
    CatalogSubscription subscription = source.subscribe(heard::incrementAndGet);

    source.enableModelDeployment("sandbox");
    source.removeGroup("no-such-group");
    source.failWith("graphql down");
    source.recover();
    source.recover();
    assertThat(heard).hasValue(3);

    subscription.close();
    source.removeGroup("sandbox");
    assertThat(heard).hasValue(3);
  }

  @Test
  void aListenerThatThrowsDoesNotSilenceTheOthers() {
    AtomicInteger heard = new AtomicInteger();
    Thread.UncaughtExceptionHandler previous = Thread.currentThread().getUncaughtExceptionHandler();
    List<Throwable> reported = new CopyOnWriteArrayList<>();
    Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.add(e));
    try {
      source.subscribe(() -> {
        throw new IllegalStateException("listener broke");
      });
      source.subscribe(heard::incrementAndGet);
      source.enableModelDeployment("sandbox");
    } finally {
      Thread.currentThread().setUncaughtExceptionHandler(previous);
    }

    assertThat(heard).hasValue(1);
    assertThat(reported).singleElement().extracting(Throwable::getMessage).isEqualTo("listener broke");
  }

  /** Reads while the writers run and checks that the catalog only ever grows. */
  private Callable<Integer> reader(CountDownLatch start, List<Future<?>> writers) {
    return () -> {
      start.await();
      int reads = 0;
      int seen = 0;
      while (reads == 0 || writers.stream().anyMatch(w -> !w.isDone())) {
        int now = source.catalog().groups().size();
        assertThat(now).isGreaterThanOrEqualTo(seen);
        seen = now;
        reads++;
      }
      return reads;
    };
  }
}
