// The discrete-event queue: events ordered by (time, priority, insertion sequence), cancellable by handle.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/model/basics.hpp"

namespace drillsim {

// What an event carries: plain data, so scheduling never allocates once capacity is reserved.
// The meaning of kind/a/b/c belongs to whoever schedules (the world dispatches on kind).
struct EventData {
  std::uint32_t kind = 0;
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  std::int64_t c = 0;
};

struct Event {
  SimTime time = 0;
  std::int32_t priority = 0;  // lower runs first at equal time
  std::uint64_t seq = 0;      // insertion order: breaks the remaining ties
  EventData data;
};

// Refers to one scheduled event; stale once the event ran or was cancelled.
struct EventHandle {
  std::uint32_t slot = UINT32_MAX;
  std::uint32_t generation = 0;
  bool valid() const { return slot != UINT32_MAX; }
};

class EventQueue {
 public:
  void reserve(std::size_t n);
  EventHandle schedule(SimTime time, std::int32_t priority, EventData data);
  // Returns false if the event already ran or was cancelled. Cancelled events are skipped when popped.
  bool cancel(EventHandle handle);
  bool pending(EventHandle handle) const;
  bool empty() const;          // no live event
  std::size_t size() const;    // live events
  SimTime next_time() const;   // `never` when empty
  // Removes and returns the earliest live event. Precondition: !empty().
  Event pop();
  void clear();
 private:
  // Cancellation is by marking: a cancelled event's node stays in the heap until it reaches the top,
  // where it is dropped at once, so the top is always live and next_time() needs no search. Nodes are
  // small and hold the whole ordering key, so sifting never touches the slots.
  struct Node { SimTime time; std::int32_t priority; std::uint32_t slot; std::uint64_t seq; };
  struct Slot { EventData data; std::uint32_t generation = 0; bool cancelled = false; };
  std::vector<Node> heap_;                   // 4-ary min-heap on (time, priority, seq)
  std::vector<Slot> slots_;                  // event payloads, indexed by handle slot
  std::vector<std::uint32_t> free_slots_;    // slots free for reuse (LIFO: the last freed is warm)
  std::uint64_t next_seq_ = 0;
  std::size_t live_ = 0;                     // scheduled, not cancelled, not yet popped
  std::size_t cancelled_in_heap_ = 0;        // marked nodes still in heap_
  void drop_cancelled_top();
  void remove_top();
  void compact();
};

}  // namespace drillsim
