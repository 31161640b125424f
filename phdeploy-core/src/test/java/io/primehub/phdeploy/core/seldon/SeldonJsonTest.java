package io.primehub.phdeploy.core.seldon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SeldonJsonTest {

  private static final ObjectMapper TREES = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"data\": {\"names\": [\"a\", \"b\"], \"ndarray\": [[1, 2.5], [\"x\", true]]}}",
    "{\"data\": {\"ndarray\": [[[1, 2], [3, 4]]]}}",
    "{\"data\": {\"ndarray\": []}}",
    "{\"data\": {\"names\": [\"a\"], \"tensor\": {\"shape\": [2, 1], \"values\": [0.5, 1.5]}}}",
    "{\"data\": {\"tensor\": {\"shape\": [0]}}}",
    "{\"strData\": \"spam, definitely\"}",
    "{\"strData\": \"\"}",
    "{\"jsonData\": {\"text\": \"win money now\", \"scores\": [0.1, 0.9], \"x\": null}}",
    "{\"jsonData\": {}}",
    "{\"jsonData\": [1, \"two\"]}",
    "{\"jsonData\": null}",
    "{\"binData\": \"c3BhbQ==\"}",
    "{\"data\": {\"ndarray\": [[1]]}, \"meta\": {\"puid\": \"p1\","
        + " \"tags\": {\"model\": \"spam\", \"confidence\": 0.9, \"nested\": {\"a\": [1]}},"
        + " \"routing\": {\"router\": 1}, \"requestPath\": {\"model\": \"spam:1.0\"},"
        + " \"metrics\": [{\"key\": \"hits\", \"type\": \"COUNTER\", \"value\": 1}]}}",
    "{\"status\": {\"code\": 400, \"info\": \"bad input\", \"reason\": \"MICROSERVICE_BAD_DATA\","
        + " \"status\": \"FAILURE\"}}",
    "{\"status\": {\"code\": 0, \"status\": \"SUCCESS\"}}",
    "{}",
  })
  void aMessageReadsAndWritesBackExactly(String json) throws IOException {
    SeldonMessage message = SeldonJson.read(json);

    String written = SeldonJson.write(message);

    assertThat(TREES.readTree(written)).isEqualTo(TREES.readTree(json));
    assertThat(SeldonJson.read(written)).isEqualTo(message);
  }

  @Test
  void bytesAndTextReadAlike() {
    String json = "{\"strData\": \"héllo ✓\"}";

    assertThat(SeldonJson.read(json.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(SeldonJson.read(json))
        .extracting(SeldonMessage::strData).isEqualTo("héllo ✓");
  }

  @Test
  void theFieldsAreReadIntoTheirTypes() {
    SeldonMessage message = SeldonJson.read("""
        {"data": {"tensor": {"shape": [1, 2], "values": [1, 2]}},
         "meta": {"puid": "p1", "tags": {"t": "v"}, "routing": {"r": 2},
                  "requestPath": {"model": "spam:1"}},
         "status": {"code": 200, "status": "SUCCESS"}}
        """);

    assertThat(message.data().tensor()).isEqualTo(Tensor.of(List.of(1, 2), List.of(1.0, 2.0)));
    assertThat(message.meta().puid()).isEqualTo("p1");
    assertThat(message.meta().tags().get("t").asText()).isEqualTo("v");
    assertThat(message.meta().routing()).containsEntry("r", 2);
    assertThat(message.meta().requestPath()).containsEntry("model", "spam:1");
    assertThat(message.status().code()).isEqualTo(200);
    assertThat(message.status().status()).isEqualTo(SeldonStatus.SUCCESS);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      {"data": {"ndarray": [[1, 2]]    | expected close marker for Object (start marker at line: 1, column: 10) (line 1, column 30)
      {"strData": "a"} trailing        | (line 1, column 18)
      {"strData": 'a'}                 | (line 1, column 13)
      ''                               | a message is a JSON object, got nothing
      null                             | a message is a JSON object, got null
      [[1, 2]]                         | a message is a JSON object, got an array
      "spam"                           | a message is a JSON object, got "spam"
      {"dta": {"ndarray": [[1]]}}      | message: unknown field 'dta'
      {"data": {"ndarry": [[1]]}}      | at data: unknown field 'ndarry'
      {"data": {"tensor": {"shape": "x"}}} | at data.tensor.shape: Cannot deserialize
      {"data": {"tensor": {"shape": [1], "values": ["a"]}}} | at data.tensor.values[0]: Cannot deserialize
      {"data": {"tensor": {"shape": [1], "values": [null]}}} | at data.tensor: null is not allowed (values element)
      {"data": {"tensor": {"shape": [2], "values": [1.0]}}} | a tensor of shape [2] holds 2 values, got 1
      {"data": {"tensor": {"shape": [-1], "values": []}}} | a tensor's shape cannot be negative, got [-1]
      {"data": {"ndarray": [[1]], "tensor": {"shape": [1], "values": [1]}}} | data holds at most one of ndarray and tensor, got both
      {"data": {"ndarray": [[1]]}, "strData": "a", "binData": "YQ=="} | at most one of data, strData, jsonData and binData, got data and strData and binData
      {"meta": {"routing": {"r": null}}} | at meta: null is not allowed (routing value for key: r)
      """)
  void malformedInputIsRejectedSayingWhatAndWhere(String json, String problem) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SeldonJson.read(json))
        .withMessageStartingWith("malformed Seldon message: ")
        .withMessageContaining(problem)
        .withMessageNotContaining("Immutable")
        .withMessageNotContaining("REDACTED");
  }
}
