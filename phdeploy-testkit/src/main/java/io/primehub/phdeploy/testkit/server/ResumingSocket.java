package io.primehub.phdeploy.testkit.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import java.io.IOException;

/**
 * The socket of a watch that starts from a resource version, as the CRUD server's listener sees
 * it. A real API server sends such a watch only the changes after that version; fabric8's CRUD
 * server greets every new watch with every current object as {@code ADDED}. An informer that has
 * just listed, or that resumes a dropped watch, would take each object again: at ten thousand
 * objects a controller's restart parsed and handled its whole cache twice. So this drops the
 * {@code ADDED} events of objects whose version is not after the watch's, which only that
 * greeting sends (an object created later has a later version), and passes every other event.
 * Deletions the watcher missed come from {@link Tombstones}.
 */
final class ResumingSocket implements WebSocket {

  private static final JsonFactory JSON = new JsonFactory();

  private final WebSocket socket;
  private final long from;

  /** A socket dropping the {@code ADDED} events of objects not newer than version {@code from}. */
  ResumingSocket(WebSocket socket, long from) {
    this.socket = socket;
    this.from = from;
  }

  @Override
  public RecordedRequest request() {
    return socket.request();
  }

  @Override
  public boolean send(String text) {
    return alreadyKnown(text) || socket.send(text);
  }

  @Override
  public boolean send(byte[] bytes) {
    return socket.send(bytes);
  }

  @Override
  public boolean close(int code, String reason) {
    return socket.close(code, reason);
  }

  /**
   * Whether a watch event adds an object at or before the watch's version, read without building
   * the object; an event that cannot be read is passed on.
   */
  private boolean alreadyKnown(String event) {
    String type = null;
    long version = Long.MAX_VALUE;
    try (JsonParser parser = JSON.createParser(event)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("type".equals(field)) {
          type = parser.getText();
        } else if ("object".equals(field) && value == JsonToken.START_OBJECT) {
          version = versionOf(parser);
        } else {
          parser.skipChildren();
        }
      }
    } catch (IOException | NumberFormatException unreadable) {
      return false;
    }
    return "ADDED".equals(type) && version <= from;
  }

  /**
   * The {@code metadata.resourceVersion} of the object the parser has just entered, read to the
   * object's end; {@link Long#MAX_VALUE} if it has none.
   */
  private static long versionOf(JsonParser parser) throws IOException {
    long version = Long.MAX_VALUE;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("metadata".equals(field) && value == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String metadataField = parser.currentName();
          parser.nextToken();
          if ("resourceVersion".equals(metadataField)) {
            version = Long.parseLong(parser.getText());
          } else {
            parser.skipChildren();
          }
        }
      } else {
        parser.skipChildren();
      }
    }
    return version;
  }
}
