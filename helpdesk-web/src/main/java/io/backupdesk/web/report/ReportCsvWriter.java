package io.backupdesk.web.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes a report's rows as RFC 4180 CSV for every route that produces {@code text/csv}: a header
 * of the row type's fields in snake_case, one line per row, CRLF line ends, an empty field for
 * {@code null}, quotes only where needed, and the download's file name ({@code
 * <report>_<from>_<to>.csv}). Text that starts like a spreadsheet formula ({@code = + - @}) gets a
 * leading apostrophe, so that opening the file never runs it.
 */
@Provider
@Produces("text/csv")
public class ReportCsvWriter implements MessageBodyWriter<Report<?>> {

  public static final String MEDIA_TYPE = "text/csv";

  private final CsvMapper mapper;

  public ReportCsvWriter() {
    mapper =
        CsvMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // Columns in the row record's order, not CsvMapper's default alphabetical one.
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addSerializer(String.class, new PlainText()))
            .build();
  }

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return Report.class.isAssignableFrom(type);
  }

  @Override
  public void writeTo(
      Report<?> report,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> headers,
      OutputStream out)
      throws IOException {
    var kind =
        ReportKind.bySlug(report.report())
            .orElseThrow(() -> new IllegalArgumentException("Unknown report " + report.report()));
    headers.putSingle(
        "Content-Disposition",
        "attachment; filename=\""
            + kind.slug()
            + "_"
            + report.filters().from()
            + "_"
            + report.filters().to()
            + ".csv\"");
    CsvSchema schema =
        mapper.schemaFor(kind.rowType()).withHeader().withLineSeparator("\r\n").withNullValue("");
    mapper.writer(schema).writeValue(out, report.rows());
  }

  /** Text as a spreadsheet shows it, never as a formula. */
  private static final class PlainText extends StdSerializer<String> {
    PlainText() {
      super(String.class);
    }

    @Override
    public void serialize(String value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      boolean formula = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0;
      generator.writeString(formula ? "'" + value : value);
    }
  }
}
