package vn.khuyencong.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Records the SQL statements prepared while capturing, so the benchmark can check that pgbench's script issues the
 * statements a transition really issues (and fail when someone adds one).
 */
final class StatementCapture implements BeanPostProcessor {

    private static volatile List<String> captured;
    private static volatile Thread caller;

    /**
     * Every statement prepared while {@code work} runs and for {@code settle} after it, by the calling thread and by
     * the application's task executor ({@code task-*}, where listeners run after the commit): what the work issues
     * itself and what it sets off. The scheduled jobs' own polling is not counted.
     */
    static List<String> during(Runnable work, Duration settle) {
        List<String> statements = Collections.synchronizedList(new ArrayList<>());
        caller = Thread.currentThread();
        captured = statements;
        try {
            work.run();
            Thread.sleep(settle);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            captured = null;
        }
        return List.copyOf(statements);
    }

    /** A statement's verb and table, e.g. {@code update dossier}: what two scripts must agree on. */
    static String shape(String sql) {
        String text = sql.toLowerCase(Locale.ROOT).strip();
        String verb = text.split("\\s+")[0];
        Matcher table = Pattern.compile(
                        switch (verb) {
                            case "insert" -> "^insert\\s+into\\s+([a-z_]+)";
                            case "update" -> "^update\\s+([a-z_]+)";
                            default -> "\\bfrom\\s+([a-z_]+)";
                        })
                .matcher(text);
        return verb + " " + (table.find() ? table.group(1) : "?");
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DataSource dataSource) {
            return Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {DataSource.class},
                    forward(dataSource, (target, method, args) -> {
                        Object result = method.invoke(target, args);
                        // only while capturing: the proxy would otherwise add its own cost to every statement measured
                        return result instanceof Connection connection && captured != null
                                ? recording(connection)
                                : result;
                    }));
        }
        return bean;
    }

    private static Connection recording(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                StatementCapture.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                forward(connection, (target, method, args) -> {
                    List<String> statements = captured;
                    Thread thread = Thread.currentThread();
                    if (statements != null
                            && (thread == caller || thread.getName().startsWith("task-"))
                            && method.getName().startsWith("prepare")
                            && args != null
                            && args[0] instanceof String sql) {
                        statements.add(sql);
                    }
                    return method.invoke(target, args);
                }));
    }

    private interface Call {
        Object on(Object target, Method method, Object[] args) throws Exception;
    }

    private static InvocationHandler forward(Object target, Call call) {
        return (proxy, method, args) -> {
            try {
                return call.on(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
