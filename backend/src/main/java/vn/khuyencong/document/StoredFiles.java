package vn.khuyencong.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

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
        try {
            store.put(key, new ByteArrayInputStream(content), contentType);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + key, e);
        }
    }

    public InputStream get(String key) {
        return store.get(key);
    }
}
