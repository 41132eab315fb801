package dev.keyhound.source.git;

import dev.keyhound.source.git.HistoryWalk.BlobEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectIdOwnerMap;

/**
 * The history walk's record of the trees it read: each tree's entries (subtree or blob, and the
 * entry's name) in tree order, so that the provenance pass goes down the record instead of reading
 * the trees again. The entries of all trees sit in two flat int arrays (hummingbot: 2.7 million
 * entries): four arrays per tree were 700,000 objects that every young collection during the walk
 * copied.
 */
final class TreeRecord {
    /** A tree the walk met; its entries are recorded once it is read (within the budget). */
    static final class Node extends ObjectIdOwnerMap.Entry {
        final int id;
        /** Whether the walk has read (or is about to read) this tree: it reads each tree once. */
        boolean seen;
        /** Where its entries start, or -1 while not recorded (a missing tree, or one past the budget). */
        int first = -1;
        int count;

        Node(AnyObjectId objectId, int id) {
            super(objectId);
            this.id = id;
        }

        boolean recorded() {
            return first >= 0;
        }
    }

    private final ObjectIdOwnerMap<Node> nodes = new ObjectIdOwnerMap<>();
    private final List<Node> nodesById = new ArrayList<>();
    private final List<BlobEntry> blobsById = new ArrayList<>();
    private final EntryNames names = new EntryNames();
    private final int budget;
    /** Per entry: a subtree's node id, or ~id of a blob (negative). */
    private int[] refs = new int[1 << 12];
    private int[] nameIds = new int[1 << 12];
    private int size;

    /** @param budget how many entries to record at most (each about 8 bytes) */
    TreeRecord(int budget) {
        this.budget = budget;
    }

    /** The node for a tree id, made on first sight. */
    Node node(AnyObjectId id) {
        Node node = nodes.get(id);
        if (node == null) {
            node = new Node(id, nodesById.size());
            nodes.add(node);
            nodesById.add(node);
        }
        return node;
    }

    /** The node for a tree id, or null when the walk never met that tree. */
    Node get(AnyObjectId id) {
        return nodes.get(id);
    }

    /** How many trees the walk met: node ids run from 0 to this. */
    int nodeCount() {
        return nodesById.size();
    }

    /** Numbers a blob for {@link #add}; called once per blob, when the walk first meets it. */
    int number(BlobEntry blob) {
        blobsById.add(blob);
        return blobsById.size() - 1;
    }

    /** Whether the budget has room for another tree's entries. */
    boolean recording() {
        return size < budget;
    }

    /** Appends one entry of the tree being recorded: a subtree node, or a blob by its number. */
    void add(Node subtree, int nameId) {
        append(subtree.id, nameId);
    }

    void add(int blobNumber, int nameId) {
        append(~blobNumber, nameId);
    }

    private void append(int ref, int nameId) {
        if (size == refs.length) {
            refs = Arrays.copyOf(refs, size * 2);
            nameIds = Arrays.copyOf(nameIds, size * 2);
        }
        refs[size] = ref;
        nameIds[size++] = nameId;
    }

    /** Where the next tree's entries will start: pass it to {@link #recorded} after adding them. */
    int mark() {
        return size;
    }

    /** Marks the node recorded with the entries added since start. */
    void recorded(Node node, int start) {
        node.first = start;
        node.count = size - start;
    }

    /** The subtree at entry e, or null when the entry is a blob. */
    Node subtree(int e) {
        return refs[e] >= 0 ? nodesById.get(refs[e]) : null;
    }

    /**
     * Per blob number, whether the blob is one of the ids: the provenance pass asks of every
     * entry below the trees it goes down (2.7 million on hummingbot), and an array read is what a
     * set lookup per entry cost ten times over.
     */
    boolean[] blobsAmong(java.util.Set<? extends AnyObjectId> ids) {
        boolean[] among = new boolean[blobsById.size()];
        for (int i = 0; i < among.length; i++) {
            among[i] = ids.contains(blobsById.get(i));
        }
        return among;
    }

    /** Whether entry e is a blob that among (from {@link #blobsAmong}) marks. */
    boolean blobAmong(int e, boolean[] among) {
        return refs[e] < 0 && among[~refs[e]];
    }

    /** The blob at entry e, or null when the entry is a subtree. */
    BlobEntry blob(int e) {
        return refs[e] < 0 ? blobsById.get(~refs[e]) : null;
    }

    String name(int e) {
        return names.name(nameIds[e]);
    }

    EntryNames names() {
        return names;
    }
}
