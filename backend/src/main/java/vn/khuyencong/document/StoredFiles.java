package vn.khuyencong.document;

import java.io.InputStream;
import org.springframework.stereotype.Service;
import vn.khuyencong.document.internal.ObjectStore;

/** The object store for files the service produces itself (official papers), beside the uploaded documents. */
@Service
public class StoredFiles {

    private final ObjectStore store;

    StoredFiles(ObjectStore store) {
        this.store = store;
    }

    public void put(String key, byte[] content, String contentType) {
        store.put(key, content, content.length, contentType);
    }

    public InputStream get(String key) {
        return store.get(key);
    }
}
