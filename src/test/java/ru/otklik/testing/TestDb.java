package ru.otklik.testing;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JDBC on the test database, for assertions on what the API does not show. */
@ApplicationScoped
public class TestDb {

    private final AgroalDataSource dataSource;

    public TestDb(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                        row.put(rs.getMetaData().getColumnLabel(col), rs.getObject(col));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * A source with that key (kind {@code api}) and one post of it, analysed an hour ago (external id {@code old}):
     * a post from before this start, for an incident stored by hand to hold. Returns the post's id.
     */
    public long analysedPost(String sourceKey, String text) {
        long sourceId = ((Number) rows("insert into source (key, kind, title, origin) values (?, 'api', ?, 'api') "
                + "returning id", sourceKey, sourceKey).get(0).get("id")).longValue();
        return ((Number) rows("""
                insert into post (source_id, external_id, author_pseudonym, text, content_hash, published_at, fetched_at,
                                  analysis_state, created_at, updated_at)
                values (?, 'old', md5('old'), ?, md5(?), now() - interval '1 hour', now(), 'done', now(), now())
                returning id""", sourceId, text, text).get(0).get("id")).longValue();
    }

    public long count(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0).values().iterator().next()).longValue();
    }

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
