package io.primehub.phdeploy.examples.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.primehub.phdeploy.core.seldon.SeldonMessage;
import io.primehub.phdeploy.testkit.gateway.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * Two versions of the spam classifier, as two model images would hold them, each answering the
 * Seldon protocol: a request of messages ({@code {"data":{"ndarray":[["win a prize"]]}}} or
 * {@code {"strData":"win a prize"}}) gets each message's spam probability.
 */
public final class SpamModels {

  /** The messages of the first training run. */
  public static final List<String> SPAM = List.of(
      "win a free prize now",
      "claim your free vacation today",
      "cheap meds online no prescription",
      "you have won cash click here",
      "limited offer buy now and save big",
      "urgent your account has won a reward");

  /** The legitimate messages of the first training run. */
  public static final List<String> HAM = List.of(
      "are we still meeting for lunch tomorrow",
      "please review the attached report",
      "can you call me when you get home",
      "the model training finished overnight",
      "let us schedule the team meeting",
      "dinner at seven works for me");

  /** What "May data" added to the second training run. */
  public static final List<String> MAY_SPAM = List.of(
      "free entry to win a new phone",
      "earn money fast from home click now");

  /** What "May data" added to the legitimate messages. */
  public static final List<String> MAY_HAM = List.of(
      "thanks for the notes from class",
      "i pushed the fix to the repository");

  private SpamModels() {}

  /** The classifier of version 1, trained on the first run's messages. */
  public static Model version1() {
    return serving(SpamClassifier.train(SPAM, HAM));
  }

  /** The classifier of version 2, retrained with May's messages too. */
  public static Model version2() {
    List<String> spam = new ArrayList<>(SPAM);
    spam.addAll(MAY_SPAM);
    List<String> ham = new ArrayList<>(HAM);
    ham.addAll(MAY_HAM);
    return serving(SpamClassifier.train(spam, ham));
  }

  /** A classifier behind the Seldon protocol. */
  public static Model serving(SpamClassifier classifier) {
    return request -> {
      List<List<Double>> answers = new ArrayList<>();
      for (String message : messages(request)) {
        answers.add(List.of(round(classifier.spamProbability(message))));
      }
      return SeldonMessage.ofNdarray(List.of("spam_probability"), answers);
    };
  }

  private static List<String> messages(SeldonMessage request) {
    if (request.strData() != null) {
      return List.of(request.strData());
    }
    if (request.data() == null) {
      throw new IllegalArgumentException(
          "send messages as {\"data\":{\"ndarray\":[[\"text\"]]}} or {\"strData\":\"text\"}");
    }
    List<String> messages = new ArrayList<>();
    for (List<JsonNode> row : request.data().rows()) {
      if (row.isEmpty() || !row.get(0).isTextual()) {
        throw new IllegalArgumentException("each row must hold one message as text");
      }
      messages.add(row.get(0).asText());
    }
    return messages;
  }

  private static double round(double probability) {
    return Math.round(probability * 1000) / 1000.0;
  }
}
