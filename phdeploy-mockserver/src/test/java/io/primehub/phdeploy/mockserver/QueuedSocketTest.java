package io.primehub.phdeploy.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QueuedSocketTest {

  private final SlowSocket socket = new SlowSocket();
  private final QueuedSocket queued = new QueuedSocket(socket);

  @Test
  void sendsReturnAtOnceWhileTheSocketIsSlowAndAreMadeInOrder() throws Exception {
    assertThat(queued.send("first")).isTrue();
    assertThat(socket.awaitSending()).isTrue();
    assertThat(queued.send("second")).isTrue();
    assertThat(queued.send("third".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(socket.sent()).isEmpty();

    socket.release();

    assertThat(socket.awaitEnded(3)).isTrue();
    assertThat(socket.sent()).containsExactly("first", "second", "third");
  }

  @Test
  void onceEndedTheSendInFlightIsGivenUpWhatIsQueuedDroppedAndNewSendsRefused()
      throws Exception {
    queued.send("in flight");
    assertThat(socket.awaitSending()).isTrue();
    queued.send("queued");

    queued.ended();

    assertThat(socket.awaitEnded(1)).isTrue();
    socket.release();
    assertThat(queued.send("after the end")).isFalse();
    // Had the queued send survived, the released socket would make it at once.
    assertThat(socket.awaitEnded(1, 300)).as("no further send is made").isFalse();
    assertThat(socket.sent()).isEmpty();
  }

  @Test
  void closingClosesTheSocketWithoutWaitingForTheSends() throws Exception {
    queued.send("in flight");
    assertThat(socket.awaitSending()).isTrue();

    assertThat(queued.close(1000, "done")).isTrue();

    assertThat(socket.closed()).isTrue();
  }
}
