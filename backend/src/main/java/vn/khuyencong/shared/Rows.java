package vn.khuyencong.shared;

import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Row mappers for records whose components are the result's columns in camel case ({@code display_name} →
 * {@code displayName}), matched from the result's own column labels. Spring's mappers for records look each
 * component up by name instead, and for a name in camel case first fail (an exception with its stack trace, on
 * every row) before trying the column's name. Values are converted as Spring's mappers convert them.
 */
public final class Rows {

    private static final ClassValue<RowMapper<?>> MAPPERS = new ClassValue<>() {
        @Override
        protected RowMapper<?> computeValue(Class<?> type) {
            return new RecordRows<>(type);
        }
    };

    private Rows() {}

    /** The mapper of a record type; one per type, kept. */
    @SuppressWarnings("unchecked")
    public static <T> RowMapper<T> of(Class<T> type) {
        return (RowMapper<T>) MAPPERS.get(type);
    }

    private static final class RecordRows<T> implements RowMapper<T> {

        private final Constructor<T> constructor;
        private final Class<?>[] types;
        private final TypeDescriptor[] descriptors;
        private final Map<String, Integer> byColumn = new HashMap<>();
        private final ConversionService conversions = DefaultConversionService.getSharedInstance();

        RecordRows(Class<T> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            RecordComponent[] components = type.getRecordComponents();
            types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                byColumn.put(snakeCase(components[i].getName()), i);
                byColumn.putIfAbsent(components[i].getName().toLowerCase(Locale.ROOT), i);
            }
            try {
                constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
            descriptors = new TypeDescriptor[components.length];
            for (int i = 0; i < components.length; i++) {
                descriptors[i] = new TypeDescriptor(new MethodParameter(constructor, i));
            }
        }

        @Override
        public T mapRow(ResultSet rs, int rowNum) throws SQLException {
            ResultSetMetaData columns = rs.getMetaData();
            Object[] values = new Object[types.length];
            for (int column = 1; column <= columns.getColumnCount(); column++) {
                Integer index = byColumn.get(columns.getColumnLabel(column).toLowerCase(Locale.ROOT));
                if (index != null) {
                    values[index] = value(rs, column, index);
                }
            }
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null && types[i].isPrimitive()) {
                    values[i] = Array.get(Array.newInstance(types[i], 1), 0);
                }
            }
            try {
                return constructor.newInstance(values);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(
                        "Cannot build " + constructor.getDeclaringClass().getName(), e);
            }
        }

        private Object value(ResultSet rs, int column, int index) throws SQLException {
            Class<?> type = types[index];
            Object value = JdbcUtils.getResultSetValue(rs, column, type.isPrimitive() ? wrapper(type) : type);
            if (value == null) {
                return null;
            }
            return type.isInstance(value)
                            || (type.isPrimitive() && wrapper(type).isInstance(value))
                    ? value
                    : conversions.convert(value, TypeDescriptor.forObject(value), descriptors[index]);
        }

        private static Class<?> wrapper(Class<?> primitive) {
            return MethodType.methodType(primitive).wrap().returnType();
        }

        private static String snakeCase(String name) {
            StringBuilder snake = new StringBuilder();
            for (char c : name.toCharArray()) {
                if (Character.isUpperCase(c)) {
                    snake.append('_').append(Character.toLowerCase(c));
                } else {
                    snake.append(c);
                }
            }
            return snake.toString();
        }
    }
}
