package dev.digits.backend.dl4j;

import dev.digits.api.model.ModelSpec;
import dev.digits.training.NeuralNetSpec;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;

/** Builds the DL4J network of a spec: the notebook's MLP or the small CNN. */
final class Dl4jNetworks {
    private Dl4jNetworks() {
    }

    static MultiLayerConfiguration configuration(ModelSpec spec, int[] inputShape, int numClasses) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(spec.getInt("seed"))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .biasInit(0.0)
                .updater(updater(spec))
                .list();
        Activation activation = activation(spec.getString("activation"));
        int layer = 0;
        if (spec.type().equals(NeuralNetSpec.MLP)) {
            for (int units : spec.parameters().getIntList("hidden")) {
                list.layer(layer++, new DenseLayer.Builder().nOut(units).activation(activation).build());
            }
            list.layer(layer, new OutputLayer.Builder(LossFunctions.LossFunction.SPARSE_MCXENT)
                    .nOut(numClasses).activation(Activation.SOFTMAX).build());
            return list.setInputType(InputType.feedForward(inputShape[0])).build();
        }
        int kernel = spec.getInt("kernel");
        List<Integer> filters = spec.parameters().getIntList("filters");
        for (int f : filters) {
            list.layer(layer++, new ConvolutionLayer.Builder(kernel, kernel).nOut(f).stride(1, 1)
                    .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).build());
            list.layer(layer++, new BatchNormalization.Builder().build());
            list.layer(layer++, new ActivationLayer.Builder().activation(activation).build());
            list.layer(layer++, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                    .convolutionMode(ConvolutionMode.Same).build());
        }
        list.layer(layer++, new GlobalPoolingLayer.Builder(PoolingType.AVG).build());
        double dropout = spec.getDouble("dropout");
        if (spec.getInt("dense") > 0) {
            list.layer(layer++, new DenseLayer.Builder().nOut(spec.getInt("dense")).activation(activation).build());
        }
        OutputLayer.Builder out = new OutputLayer.Builder(LossFunctions.LossFunction.SPARSE_MCXENT)
                .nOut(numClasses).activation(Activation.SOFTMAX);
        if (dropout > 0) {
            out.dropOut(1 - dropout); // DL4J takes the probability of keeping an activation
        }
        list.layer(layer, out.build());
        return list.setInputType(InputType.convolutional(inputShape[0], inputShape[1], 1)).build();
    }

    private static IUpdater updater(ModelSpec spec) {
        double lr = spec.getDouble("learningRate");
        return spec.getString("optimizer").equals("sgd") ? new Sgd(lr) : new Adam(lr);
    }

    private static Activation activation(String name) {
        return switch (name) {
            case "tanh" -> Activation.TANH;
            case "sigmoid" -> Activation.SIGMOID;
            default -> Activation.RELU;
        };
    }
}
