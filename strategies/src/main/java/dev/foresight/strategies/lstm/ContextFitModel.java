package dev.foresight.strategies.lstm;

import dev.foresight.model.FitContext;
import dev.foresight.model.FitProgress;
import dev.foresight.model.FittedModel;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import dev.foresight.model.PreviousFit;

/**
 * A model whose one real fit takes the whole {@link FitContext} (progress listener, previous fold's
 * fit). {@link Model}'s defaults route the other way — the context's fit down to the seed-only
 * ones — which suits models that ignore progress; an LSTM reports every epoch, so here the seed-only
 * and previous-fit overloads route up to the context's fit with no listener, and each LSTM model
 * writes its fit once.
 */
interface ContextFitModel extends Model {

    @Override
    FittedModel fit(ModelData train, ModelData validation, FitContext context);

    @Override
    default FittedModel fit(ModelData train, ModelData validation, long seed) {
        return fit(train, validation, new FitContext(seed, null, FitProgress.NONE));
    }

    @Override
    default FittedModel fit(ModelData train, ModelData validation, long seed, PreviousFit previous) {
        return fit(train, validation, new FitContext(seed, previous, FitProgress.NONE));
    }
}
