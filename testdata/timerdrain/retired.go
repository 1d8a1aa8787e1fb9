package timerdrain

import (
	"sync"
	"time"
)

// Sessions expire when their idle timer fires. The sweeper takes the
// tick and deletes the session from the map under the same lock, so
// touch, which finds sessions through the map, never sees a timer whose
// tick was taken: its drain has a tick to receive.
type session struct {
	idle *time.Timer
	data []byte
}

type sessionTable struct {
	mu       sync.Mutex
	sessions map[string]*session
}

func (st *sessionTable) open(name string) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.sessions[name] = &session{idle: time.NewTimer(time.Minute)}
}

func (st *sessionTable) sweep() {
	for range time.Tick(time.Second) {
		st.mu.Lock()
		for name, s := range st.sessions {
			select {
			case <-s.idle.C:
				delete(st.sessions, name)
			default:
			}
		}
		st.mu.Unlock()
	}
}

func (st *sessionTable) touch(name string) []byte {
	st.mu.Lock()
	defer st.mu.Unlock()
	s, ok := st.sessions[name]
	if !ok {
		return nil
	}
	if !s.idle.Stop() {
		<-s.idle.C
	}
	s.idle.Reset(time.Minute)
	return s.data
}

// The same table, looked up by key in the sweeper: deleting that key
// retires the timer too.
type lease struct {
	ttl *time.Timer
}

type leaseTable struct {
	mu     sync.Mutex
	leases map[int]*lease
}

func (lt *leaseTable) grant(id int) {
	lt.mu.Lock()
	lt.leases[id] = &lease{ttl: time.NewTimer(time.Minute)}
	lt.mu.Unlock()
}

func (lt *leaseTable) expire(id int) bool {
	lt.mu.Lock()
	defer lt.mu.Unlock()
	l := lt.leases[id]
	select {
	case <-l.ttl.C:
		delete(lt.leases, id)
		return true
	default:
		return false
	}
}

func (lt *leaseTable) renew(id int) {
	lt.mu.Lock()
	defer lt.mu.Unlock()
	if l, ok := lt.leases[id]; ok {
		if !l.ttl.Stop() {
			<-l.ttl.C
		}
		l.ttl.Reset(time.Minute)
	}
}

// The sweeper takes the tick but keeps the entry: a later refresh finds
// the fired timer through the map and its drain blocks.
type ticket struct {
	due *time.Timer
}

type ticketTable struct {
	mu      sync.Mutex
	tickets map[string]*ticket
	late    []string
}

func (tt *ticketTable) issue(name string) {
	tt.mu.Lock()
	tt.tickets[name] = &ticket{due: time.NewTimer(time.Minute)}
	tt.mu.Unlock()
}

func (tt *ticketTable) scan() {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	for name, t := range tt.tickets {
		select {
		case <-t.due.C:
			tt.late = append(tt.late, name)
		default:
		}
	}
}

func (tt *ticketTable) refresh(name string) {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	if t, ok := tt.tickets[name]; ok {
		if !t.due.Stop() {
			<-t.due.C // want `drain blocks forever when the tick was already received`
		}
		t.due.Reset(time.Minute)
	}
}
