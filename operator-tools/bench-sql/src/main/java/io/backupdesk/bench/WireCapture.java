package io.backupdesk.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PostgreSQL proxy that writes down every statement passing through it, bound values inlined, one
 * line each: {@code <connection>\t<sql>}. The hot-path benchmark (bench/hotpath.sh) points an app
 * at it, makes one request, and hands what the app asked to pgbench: the baseline is the app's own
 * statements, not a retyped copy that drifts from them.
 *
 * <p>Listening at the wire rather than in the app sees everything every layer sends (the ORM, the
 * transaction manager's BEGIN and COMMIT, plain JDBC), in the order sent. It reads the frontend's
 * messages only (Parse, Bind, Execute, Query, Close) and passes every byte on unchanged both ways.
 * It refuses encryption (answers 'N' to SSLRequest), so the app must accept a plain connection.
 *
 * <p>With {@code --rollback} every COMMIT the app sends reaches the server as ROLLBACK (the log
 * still says COMMIT): a write is captured without changing the database, so the same statements can
 * be replayed against the state they were written for.
 *
 * <p>Usage: {@code WireCapture LISTEN_PORT TARGET_HOST TARGET_PORT OUT_FILE [--rollback]}
 */
public final class WireCapture {

  private static final int SSL_REQUEST = 80877103;
  private static final int GSS_REQUEST = 80877104;

  private final String targetHost;
  private final int targetPort;
  private final PrintWriter out;
  private final boolean rollback;
  private final AtomicInteger connections = new AtomicInteger();

  WireCapture(String targetHost, int targetPort, PrintWriter out, boolean rollback) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.out = out;
    this.rollback = rollback;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 4 && !(args.length == 5 && args[4].equals("--rollback"))) {
      System.err.println(
          "usage: WireCapture LISTEN_PORT TARGET_HOST TARGET_PORT OUT_FILE [--rollback]");
      System.exit(2);
    }
    var out =
        new PrintWriter(
            new java.io.OutputStreamWriter(
                new FileOutputStream(args[3], true), StandardCharsets.UTF_8),
            true);
    var capture = new WireCapture(args[1], Integer.parseInt(args[2]), out, args.length == 5);
    try (var server =
        new ServerSocket(Integer.parseInt(args[0]), 64, InetAddress.getLoopbackAddress())) {
      System.err.println("WireCapture: listening on " + server.getLocalPort());
      while (true) {
        Socket client = server.accept();
        daemon(() -> capture.serve(client));
      }
    }
  }

  private static void daemon(Runnable work) {
    var thread = new Thread(work);
    thread.setDaemon(true);
    thread.start();
  }

  private void serve(Socket client) {
    int id = connections.incrementAndGet();
    try (client;
        Socket server = new Socket(targetHost, targetPort)) {
      client.setTcpNoDelay(true);
      server.setTcpNoDelay(true);
      var fromServer = server.getInputStream();
      var toClient = client.getOutputStream();
      daemon(() -> pipe(fromServer, toClient, client));
      relay(
          new DataInputStream(new BufferedInputStream(client.getInputStream())),
          new BufferedOutputStream(server.getOutputStream()),
          toClient,
          new Session(id));
    } catch (IOException e) {
      // The app closed or the server went away: this connection's capture ends here.
    }
  }

  private static void pipe(InputStream in, OutputStream out, Socket closeOnEnd) {
    byte[] buffer = new byte[65536];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // Either side closed.
    }
    try {
      closeOnEnd.close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }

  private void relay(DataInputStream in, OutputStream server, OutputStream client, Session session)
      throws IOException {
    while (true) {
      int length = in.readInt();
      byte[] body = in.readNBytes(length - 4);
      int code = ByteBuffer.wrap(body).getInt();
      if (code == SSL_REQUEST || code == GSS_REQUEST) {
        client.write('N');
        client.flush();
        continue;
      }
      server.write(ByteBuffer.allocate(4).putInt(length).array());
      server.write(body);
      server.flush();
      break;
    }
    while (true) {
      int type;
      try {
        type = in.readUnsignedByte();
      } catch (EOFException end) {
        return;
      }
      int length = in.readInt();
      byte[] body = in.readNBytes(length - 4);
      byte[] sent = rollback ? commitAsRollback((char) type, body) : body;
      server.write(type);
      server.write(ByteBuffer.allocate(4).putInt(sent.length + 4).array());
      server.write(sent);
      server.flush();
      String statement = session.read((char) type, ByteBuffer.wrap(body));
      if (statement != null) {
        synchronized (out) {
          out.println(session.id + "\t" + statement);
        }
      }
    }
  }

  /**
   * The message with a COMMIT turned into ROLLBACK: a Parse (name, query, parameter types) or a
   * simple Query whose text is COMMIT; any other message unchanged.
   */
  static byte[] commitAsRollback(char type, byte[] body) {
    int queryStart;
    if (type == 'P') {
      queryStart = 0;
      while (body[queryStart] != 0) {
        queryStart++;
      }
      queryStart++;
    } else if (type == 'Q') {
      queryStart = 0;
    } else {
      return body;
    }
    int queryEnd = queryStart;
    while (body[queryEnd] != 0) {
      queryEnd++;
    }
    String query = new String(body, queryStart, queryEnd - queryStart, StandardCharsets.UTF_8);
    if (!query.strip().replaceAll(";$", "").strip().equalsIgnoreCase("COMMIT")) {
      return body;
    }
    byte[] replacement = "ROLLBACK".getBytes(StandardCharsets.UTF_8);
    var rewritten = ByteBuffer.allocate(body.length - (queryEnd - queryStart) + replacement.length);
    rewritten.put(body, 0, queryStart).put(replacement).put(body, queryEnd, body.length - queryEnd);
    return rewritten.array();
  }

  /** One connection's prepared statements and bound portals, as the protocol names them. */
  static final class Session {
    final int id;
    private final Map<String, Prepared> statements = new HashMap<>();
    private final Map<String, String> portals = new HashMap<>();

    Session(int id) {
      this.id = id;
    }

    /** The statement a message executes, with its values inlined, or null if it executes none. */
    String read(char type, ByteBuffer body) {
      switch (type) {
        case 'P' -> {
          String name = cstring(body);
          String query = cstring(body);
          int[] types = new int[body.getShort()];
          for (int i = 0; i < types.length; i++) {
            types[i] = body.getInt();
          }
          statements.put(name, new Prepared(query, types));
          return null;
        }
        case 'B' -> {
          String portal = cstring(body);
          Prepared statement = statements.get(cstring(body));
          short[] formats = new short[body.getShort()];
          for (int i = 0; i < formats.length; i++) {
            formats[i] = body.getShort();
          }
          byte[][] values = new byte[body.getShort()][];
          for (int i = 0; i < values.length; i++) {
            int size = body.getInt();
            if (size >= 0) {
              values[i] = new byte[size];
              body.get(values[i]);
            }
          }
          if (statement != null) {
            portals.put(portal, Literals.inline(statement.query, statement.types, formats, values));
          }
          return null;
        }
        case 'E' -> {
          return portals.get(cstring(body));
        }
        case 'Q' -> {
          return Literals.oneLine(cstring(body));
        }
        case 'C' -> {
          byte what = body.get();
          String name = cstring(body);
          (what == 'S' ? statements : portals).remove(name);
          return null;
        }
        default -> {
          return null;
        }
      }
    }

    private static String cstring(ByteBuffer body) {
      int start = body.position();
      int end = start;
      while (body.get(end) != 0) {
        end++;
      }
      String s = new String(body.array(), start, end - start, StandardCharsets.UTF_8);
      body.position(end + 1);
      return s;
    }
  }

  record Prepared(String query, int[] types) {}
}
