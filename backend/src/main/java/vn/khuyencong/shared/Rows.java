package vn.khuyencong.shared;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;

/**
 * Row mappers for records whose components are the columns in camel case ({@code display_name} →
 * {@code displayName}). Unlike {@code JdbcClient.query(Class)}, which looks each component up by name and, for a
 * name in camel case, first fails (an exception with its stack trace) before trying the column's name, these map
 * from the result's own column names; one mapper per record type is kept.
 */
public final class Rows {

    private static final ClassValue<RowMapper<?>> MAPPERS = new ClassValue<>() {
        @Override
        protected RowMapper<?> computeValue(Class<?> type) {
            return new DataClassRowMapper<>(type);
        }
    };

    private Rows() {
    }

    @SuppressWarnings("unchecked")
    public static <T> RowMapper<T> of(Class<T> type) {
        return (RowMapper<T>) MAPPERS.get(type);
    }
}
