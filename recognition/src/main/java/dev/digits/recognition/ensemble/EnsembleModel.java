package dev.digits.recognition.ensemble;

import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.ModelSpec;
import dev.digits.api.model.TrainedModel;
import dev.digits.training.ModelFileHeader;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Models of one backend, spec and input shape whose class probabilities are averaged: what a
 * {@link SeedEnsemble} trains. Saved as a count followed by each member's own saved model.
 */
public final class EnsembleModel implements TrainedModel {
    private static final int MAGIC = 0x44454E53; // "DENS"
    private static final int VERSION = 1;

    private final List<TrainedModel> members;

    /** @throws IllegalArgumentException if the members are empty or differ in backend, input shape or classes */
    public EnsembleModel(List<TrainedModel> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        TrainedModel first = members.get(0);
        for (TrainedModel m : members) {
            if (!m.backend().equals(first.backend()) || !Arrays.equals(m.inputShape(), first.inputShape())
                    || m.numClasses() != first.numClasses()) {
                throw new IllegalArgumentException("ensemble members differ: " + describe(first) + " and " + describe(m));
            }
        }
        this.members = List.copyOf(members);
    }

    private static String describe(TrainedModel m) {
        return m.backend() + " " + Arrays.toString(m.inputShape()) + " -> " + m.numClasses();
    }

    public List<TrainedModel> members() {
        return members;
    }

    @Override
    public String backend() {
        return members.get(0).backend();
    }

    /** The first member's spec (the others differ only in their seed). */
    @Override
    public ModelSpec spec() {
        return members.get(0).spec();
    }

    @Override
    public int[] inputShape() {
        return members.get(0).inputShape();
    }

    @Override
    public int numClasses() {
        return members.get(0).numClasses();
    }

    @Override
    public float[][] predictProbabilities(float[][] batch) {
        float[][] sum = null;
        for (TrainedModel m : members) {
            float[][] p = m.predictProbabilities(batch);
            if (sum == null) {
                sum = p;
            } else {
                for (int i = 0; i < p.length; i++) {
                    for (int c = 0; c < p[i].length; c++) {
                        sum[i][c] += p[i][c];
                    }
                }
            }
        }
        for (float[] row : sum) {
            for (int c = 0; c < row.length; c++) {
                row[c] /= members.size();
            }
        }
        return sum;
    }

    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(members.size());
        for (TrainedModel m : members) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            m.save(bytes);
            data.writeInt(bytes.size());
            bytes.writeTo(data);
        }
        data.flush();
    }

    /** Reads an ensemble written by {@link #save}, each member with the provider's {@link ClassifierProvider#load}. */
    public static EnsembleModel read(InputStream in, ClassifierProvider provider) throws IOException {
        DataInputStream data = new DataInputStream(in);
        ModelFileHeader.checkFormat(data, MAGIC, VERSION, "ensemble model");
        int count = data.readInt();
        if (count < 1 || count > 10_000) {
            throw new IOException("ensemble model with " + count + " members");
        }
        List<TrainedModel> members = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int size = data.readInt();
            if (size < 0) {
                throw new IOException("ensemble member " + k + " has a negative size");
            }
            byte[] bytes = data.readNBytes(size);
            if (bytes.length != size) {
                throw new IOException("ensemble member " + k + " is cut short: " + bytes.length + " of " + size + " bytes");
            }
            members.add(provider.load(new ByteArrayInputStream(bytes)));
        }
        return new EnsembleModel(members);
    }

    /** The first member's provenance, with the number of members and their seeds. */
    @Override
    public Map<String, String> provenance() {
        Map<String, String> p = new LinkedHashMap<>(members.get(0).provenance());
        p.put("ensembleMembers", Integer.toString(members.size()));
        p.put("ensembleSeeds", members.stream().map(m -> String.valueOf(m.spec().parameters().get("seed"))).toList().toString());
        return p;
    }
}
