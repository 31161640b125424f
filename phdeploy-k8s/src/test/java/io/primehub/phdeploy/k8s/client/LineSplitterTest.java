package io.primehub.phdeploy.k8s.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

  private final List<LogLine> lines = new ArrayList<>();
  private final LineSplitter splitter = new LineSplitter("pod-a", lines::add);

  @Test
  void aCharacterSplitBetweenTwoWritesIsDecodedWhole() {
    byte[] bytes = "größe 1\nzwei\r\n".getBytes(StandardCharsets.UTF_8);
    int middleOfTheUmlaut = 3;

    splitter.write(bytes, 0, middleOfTheUmlaut);
    splitter.write(bytes, middleOfTheUmlaut, bytes.length - middleOfTheUmlaut);

    assertThat(lines)
        .containsExactly(new LogLine("pod-a", "größe 1"), new LogLine("pod-a", "zwei"));
  }

  @Test
  void aLastLineWithoutABreakIsDeliveredWhenTheStreamEndsAndEmptyLinesAreKept() {
    splitter.write('a');
    splitter.write('\n');
    splitter.write('\n');
    splitter.write("tail".getBytes(StandardCharsets.UTF_8), 0, 4);
    assertThat(lines).extracting(LogLine::line).containsExactly("a", "");

    splitter.finish();
    splitter.finish();

    assertThat(lines).extracting(LogLine::line).containsExactly("a", "", "tail");
  }
}
