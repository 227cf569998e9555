package nl.koers.app.navigation;

import nl.koers.navigation.ViewPositions;
import org.springframework.stereotype.Component;

/** The views' positions from the read side's mode, this instance's catch-up and the store's positions. */
@Component
class InstanceViewPositions implements ViewPositions {

    private final ProjectionMode mode;
    private final ProjectionCatchUp catchUp;
    private final StorePositions positions;

    InstanceViewPositions(ProjectionMode mode, ProjectionCatchUp catchUp, StorePositions positions) {
        this.mode = mode;
        this.catchUp = catchUp;
        this.positions = positions;
    }

    @Override
    public boolean inline() {
        return mode.current() == ProjectionMode.Mode.INLINE;
    }

    @Override
    public boolean covers(long position) {
        return catchUp.covers(position);
    }

    @Override
    public long lastCommitted() {
        return positions.lastCommitted();
    }

    @Override
    public long head() {
        return positions.head();
    }
}
