package dev.foresight.strategies.garch;

/** Positions of each parameter in the vector ordered as {@link GarchSpec#parameterNames()}; -1 when absent. */
final class Layout {

    final GarchSpec spec;
    final int mu;
    final int ar1;
    final int omega;
    final int alpha;
    final int gamma;
    final int beta;
    final int nu;
    final int size;

    Layout(GarchSpec spec) {
        this.spec = spec;
        int i = 0;
        mu = spec.mean() != MeanModel.ZERO ? i++ : -1;
        ar1 = spec.mean() == MeanModel.AR1 ? i++ : -1;
        omega = i++;
        alpha = i++;
        gamma = spec.variance() != VarianceModel.GARCH ? i++ : -1;
        beta = i++;
        nu = spec.innovations() == Innovations.STUDENT_T ? i++ : -1;
        size = i;
    }

    double get(double[] theta, int index, double absent) {
        return index < 0 ? absent : theta[index];
    }
}
