package dev.foresight.run.engine;

import dev.foresight.data.Column;
import dev.foresight.data.DataNotes;
import dev.foresight.data.MarketData;
import dev.foresight.data.PriceSeries;
import dev.foresight.data.RegimeTruth;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Loaded market data as bytes, for an engine that ships an experiment's data to other JVMs once
 * instead of having every worker load it (a worker may not even see the user's CSV files). Every
 * double travels as its raw bits, so the decoded data is the loaded data bit for bit: the same
 * inputs give the same task files. Deflated: price columns compress well and data is shipped over
 * the network.
 */
public final class MarketDataCodec {

    /** Bumped when the layout changes; a worker refuses bytes of another version. */
    private static final int VERSION = 1;

    private MarketDataCodec() {
    }

    public static byte[] encode(MarketData data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(VERSION);
            out.writeInt(data.all().size());
            for (PriceSeries s : data.all()) {
                out.writeUTF(s.symbol());
                out.writeInt(s.size());
                for (LocalDate d : s.dates()) {
                    out.writeLong(d.toEpochDay());
                }
                List<Column> columns = new ArrayList<>();
                for (Column c : Column.values()) {
                    if (s.has(c)) {
                        columns.add(c);
                    }
                }
                out.writeInt(columns.size());
                for (Column c : columns) {
                    out.writeUTF(c.name());
                    for (double v : s.column(c)) {
                        out.writeLong(Double.doubleToRawLongBits(v));
                    }
                }
                RegimeTruth truth = s.trueRegimes().orElse(null);
                out.writeBoolean(truth != null);
                if (truth != null) {
                    out.writeInt(truth.names().size());
                    for (String n : truth.names()) {
                        out.writeUTF(n);
                    }
                    for (int state : truth.states()) {
                        out.writeInt(state);
                    }
                }
                DataNotes n = data.notes(s.symbol());
                out.writeInt(n.rowsRead());
                out.writeInt(n.droppedMissing());
                out.writeInt(n.droppedByAlignment());
                out.writeBoolean(n.sortedFromNewestFirst());
                out.writeInt(n.remarks().size());
                for (String r : n.remarks()) {
                    out.writeUTF(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode market data", e);
        }
        return bytes.toByteArray();
    }

    public static MarketData decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(encoded)))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("market data encoded by format " + version + ", this code reads "
                        + VERSION + ": driver and workers run different versions of Foresight");
            }
            int count = in.readInt();
            List<PriceSeries> series = new ArrayList<>(count);
            Map<String, DataNotes> notes = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String symbol = in.readUTF();
                int size = in.readInt();
                LocalDate[] dates = new LocalDate[size];
                for (int t = 0; t < size; t++) {
                    dates[t] = LocalDate.ofEpochDay(in.readLong());
                }
                int columnCount = in.readInt();
                Map<Column, double[]> columns = new EnumMap<>(Column.class);
                for (int c = 0; c < columnCount; c++) {
                    Column column = Column.valueOf(in.readUTF());
                    double[] values = new double[size];
                    for (int t = 0; t < size; t++) {
                        values[t] = Double.longBitsToDouble(in.readLong());
                    }
                    columns.put(column, values);
                }
                RegimeTruth truth = null;
                if (in.readBoolean()) {
                    int names = in.readInt();
                    List<String> labels = new ArrayList<>(names);
                    for (int k = 0; k < names; k++) {
                        labels.add(in.readUTF());
                    }
                    int[] states = new int[size];
                    for (int t = 0; t < size; t++) {
                        states[t] = in.readInt();
                    }
                    truth = new RegimeTruth(labels, states);
                }
                int rowsRead = in.readInt();
                int droppedMissing = in.readInt();
                int droppedByAlignment = in.readInt();
                boolean sorted = in.readBoolean();
                int remarkCount = in.readInt();
                List<String> remarks = new ArrayList<>(remarkCount);
                for (int k = 0; k < remarkCount; k++) {
                    remarks.add(in.readUTF());
                }
                series.add(PriceSeries.of(symbol, dates, columns, truth));
                notes.put(symbol, new DataNotes(rowsRead, droppedMissing, droppedByAlignment, sorted, remarks));
            }
            return count == 1 ? MarketData.of(series.get(0), notes.get(series.get(0).symbol()))
                    : MarketData.aligned(series, notes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode market data", e);
        }
    }
}
