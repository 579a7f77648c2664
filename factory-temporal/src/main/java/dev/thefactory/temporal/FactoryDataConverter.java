package dev.thefactory.temporal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;

/**
 * The data converter the clients and workers of The Factory's workflows use: Temporal's default converter, whose JSON
 * mapper ignores properties a record does not declare (the results of The Factory's API carry derived values, such
 * as {@code isEmpty()}, that Jackson writes but cannot read back). {@link TemporalTarget} configures its clients with
 * it; a client made by hand needs {@code WorkflowClientOptions.newBuilder().setDataConverter(FactoryDataConverter.create())}.
 *
 * <p>Stateless and thread-safe.
 */
public final class FactoryDataConverter {

    private FactoryDataConverter() {
    }

    /** @return a new data converter for the clients and workers of The Factory's workflows */
    public static DataConverter create() {
        ObjectMapper mapper = JacksonJsonPayloadConverter.newDefaultObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return DefaultDataConverter.newDefaultInstance()
                .withPayloadConverterOverrides(new JacksonJsonPayloadConverter(mapper));
    }
}
