package vn.khuyencong.document.internal;

/** Where the application's object store is, for tests that reach it with another S3 client. */
public final class StoreAddress {

    private StoreAddress() {}

    public static String endpoint(ObjectStore store) {
        return store.endpoint();
    }

    public static String bucket(ObjectStore store) {
        return store.bucket();
    }
}
