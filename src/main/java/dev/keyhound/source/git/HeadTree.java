package dev.keyhound.source.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Which blobs are still in HEAD's tree: a leak that is still checked in needs a different fix. */
final class HeadTree {
    private HeadTree() {
    }

    static Set<String> present(Repository repo, Set<String> blobIds) {
        Set<ObjectId> targets = HistoryProvenance.ids(blobIds);
        Set<String> present = new HashSet<>();
        if (targets.isEmpty()) {
            return present;
        }
        try (RevWalk rw = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            ObjectId head = repo.resolve(Constants.HEAD + "^{tree}");
            if (head == null) {
                return present;
            }
            tw.addTree(rw.parseTree(head));
            tw.setRecursive(true);
            while (tw.next()) {
                if (tw.getFileMode(0) != FileMode.GITLINK && targets.contains(tw.getObjectId(0))) {
                    present.add(tw.getObjectId(0).name());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return present;
    }
}
