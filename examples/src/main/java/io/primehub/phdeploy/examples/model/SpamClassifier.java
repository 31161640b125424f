package io.primehub.phdeploy.examples.model;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multinomial naive Bayes spam classifier with Laplace smoothing, trained on labelled
 * messages. Small enough to read in a minute, and its answers are computed, not canned: a
 * message is spam in proportion to how much more its words occur in the spam it was trained on.
 */
public final class SpamClassifier {

  private static final Pattern WORD = Pattern.compile("[a-z0-9']+");

  private final Map<String, Integer> spamWords = new HashMap<>();
  private final Map<String, Integer> hamWords = new HashMap<>();
  private final int spamMessages;
  private final int hamMessages;
  private int spamTotal;
  private int hamTotal;

  private SpamClassifier(List<String> spam, List<String> ham) {
    if (spam.isEmpty() || ham.isEmpty()) {
      throw new IllegalArgumentException("training needs at least one spam and one ham message");
    }
    spam.forEach(message -> spamTotal += count(message, spamWords));
    ham.forEach(message -> hamTotal += count(message, hamWords));
    this.spamMessages = spam.size();
    this.hamMessages = ham.size();
  }

  /** A classifier trained on these spam and ham (legitimate) messages. */
  public static SpamClassifier train(List<String> spam, List<String> ham) {
    return new SpamClassifier(spam, ham);
  }

  /** The probability, from 0 to 1, that {@code message} is spam. */
  public double spamProbability(String message) {
    int vocabulary = vocabularySize();
    double spamLog = Math.log((double) spamMessages / (spamMessages + hamMessages));
    double hamLog = Math.log((double) hamMessages / (spamMessages + hamMessages));
    Matcher words = WORD.matcher(message.toLowerCase(Locale.ROOT));
    while (words.find()) {
      String word = words.group();
      spamLog += Math.log((spamWords.getOrDefault(word, 0) + 1.0) / (spamTotal + vocabulary));
      hamLog += Math.log((hamWords.getOrDefault(word, 0) + 1.0) / (hamTotal + vocabulary));
    }
    // The logistic of the log-odds, which stays exact where the raw products would underflow.
    return 1 / (1 + Math.exp(hamLog - spamLog));
  }

  private int vocabularySize() {
    Map<String, Boolean> words = new HashMap<>();
    spamWords.keySet().forEach(word -> words.put(word, true));
    hamWords.keySet().forEach(word -> words.put(word, true));
    return words.size();
  }

  private static int count(String message, Map<String, Integer> counts) {
    int total = 0;
    Matcher words = WORD.matcher(message.toLowerCase(Locale.ROOT));
    while (words.find()) {
      counts.merge(words.group(), 1, Integer::sum);
      total++;
    }
    return total;
  }
}
