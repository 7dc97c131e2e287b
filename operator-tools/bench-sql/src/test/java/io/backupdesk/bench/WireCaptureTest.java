package io.backupdesk.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireCaptureTest {

  @Test
  void aPreparedStatementExecutesWithItsValuesInlinedAndCast() throws IOException {
    var session = new WireCapture.Session(1);
    assertNull(
        session.read(
            'P',
            parse(
                "S_1",
                "SELECT t.id FROM ticket t\nWHERE t.status = $1 AND t.id < $2 AND t.note = '$1'",
                1043,
                20)));
    assertNull(session.read('B', bind("", "S_1", new short[] {0, 1}, text("NEW"), int8(42))));
    assertEquals(
        "SELECT t.id FROM ticket t WHERE t.status = ('NEW'::varchar) AND t.id < ('42'::int8)"
            + " AND t.note = '$1'",
        session.read('E', execute("")));
    // A later run binds the named statement again without parsing it.
    session.read('B', bind("", "S_1", new short[0], text("O'Brien\\"), null));
    assertEquals(
        "SELECT t.id FROM ticket t WHERE t.status = (E'O''Brien\\\\'::varchar)"
            + " AND t.id < (NULL::int8) AND t.note = '$1'",
        session.read('E', execute("")));
  }

  @Test
  void untypedParametersStayUntypedLiteralsAndSimpleQueriesPassAsTheyAre() throws IOException {
    var session = new WireCapture.Session(1);
    session.read('P', parse("", "UPDATE x SET a = $1, b = $10", new int[0]));
    byte[][] values = new byte[10][];
    for (int i = 0; i < 10; i++) {
      values[i] = ("v" + (i + 1) + "\n").getBytes(StandardCharsets.UTF_8);
    }
    session.read('B', bind("", "", new short[0], values));
    assertEquals("UPDATE x SET a = E'v1\\n', b = E'v10\\n'", session.read('E', execute("")));
    assertEquals("BEGIN", session.read('Q', cstrings("BEGIN")));
    assertNull(session.read('S', ByteBuffer.allocate(0)));
  }

  @Test
  void binaryTimestampsAndBooleansBecomeReadableLiterals() {
    byte[] micros = ByteBuffer.allocate(8).putLong(1_000_000L).array();
    assertEquals("('2000-01-01T00:00:01Z'::timestamptz)", Literals.literal(micros, 1184, 1));
    assertEquals("('true'::bool)", Literals.literal(new byte[] {1}, 16, 1));
  }

  @Test
  void inRollbackModeACommitReachesTheServerAsRollbackAndNothingElseChanges() throws IOException {
    byte[] commit = parse("S_7", "COMMIT").array();
    var session = new WireCapture.Session(1);
    session.read('P', ByteBuffer.wrap(WireCapture.commitAsRollback('P', commit)));
    session.read('B', bind("", "S_7", new short[0]));
    assertEquals("ROLLBACK", session.read('E', execute("")));
    assertEquals(
        "ROLLBACK",
        session.read(
            'Q', ByteBuffer.wrap(WireCapture.commitAsRollback('Q', cstrings("commit;").array()))));
    byte[] update = parse("", "UPDATE ticket SET version = $1 -- COMMIT", 23).array();
    assertArrayEquals(update, WireCapture.commitAsRollback('P', update));
    byte[] begin = cstrings("BEGIN").array();
    assertArrayEquals(begin, WireCapture.commitAsRollback('Q', begin));
  }

  private static ByteBuffer parse(String name, String query, int... types) throws IOException {
    var bytes = new ByteArrayOutputStream();
    var out = new DataOutputStream(bytes);
    out.write(cstring(name));
    out.write(cstring(query));
    out.writeShort(types.length);
    for (int t : types) {
      out.writeInt(t);
    }
    return ByteBuffer.wrap(bytes.toByteArray());
  }

  private static ByteBuffer bind(String portal, String statement, short[] formats, byte[]... values)
      throws IOException {
    var bytes = new ByteArrayOutputStream();
    var out = new DataOutputStream(bytes);
    out.write(cstring(portal));
    out.write(cstring(statement));
    out.writeShort(formats.length);
    for (short f : formats) {
      out.writeShort(f);
    }
    out.writeShort(values.length);
    for (byte[] v : values) {
      if (v == null) {
        out.writeInt(-1);
      } else {
        out.writeInt(v.length);
        out.write(v);
      }
    }
    out.writeShort(0);
    return ByteBuffer.wrap(bytes.toByteArray());
  }

  private static ByteBuffer execute(String portal) {
    byte[] name = cstring(portal);
    return ByteBuffer.allocate(name.length + 4).put(name).putInt(0).flip();
  }

  private static ByteBuffer cstrings(String s) {
    return ByteBuffer.wrap(cstring(s));
  }

  private static byte[] cstring(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    byte[] z = new byte[b.length + 1];
    System.arraycopy(b, 0, z, 0, b.length);
    return z;
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] int8(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }
}
