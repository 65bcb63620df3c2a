// The discrete-event queue: a 4-ary min-heap of small nodes keyed by (time, priority, sequence),
// event payloads in reusable slots, cancellation by marking.
//
// Sections: ordering · heap primitives · public API.
//
// Why this shape:
// - The key (time, priority, seq) is total because seq is unique, so the order in which events come out
//   never depends on how the heap happens to arrange equal times (ns-3 / OMNeT++ do the same).
// - A 4-ary heap is shallower than a binary one and its four children sit next to each other in memory,
//   so a pop touches fewer cache lines; nodes are 24 bytes and never point back into the slots.
// - Slots are reused through a free list, so once reserve() covered the peak no call allocates.
// - A cancelled event is only marked; its node is dropped when it reaches the top (kept there as an
//   invariant: the top node is always live). If marked nodes outnumber live ones the heap is rebuilt
//   without them, so a pattern of "schedule a timeout, usually cancel it" cannot grow the heap unbounded.
#include "sim/kernel/event_queue.hpp"

#include <cassert>
#include <utility>

namespace drillsim {

// ---- ordering -------------------------------------------------------------------------------------
namespace {

constexpr std::size_t arity = 4;

template <class Node>
inline bool before(const Node& x, const Node& y) {
  if (x.time != y.time) return x.time < y.time;
  if (x.priority != y.priority) return x.priority < y.priority;
  return x.seq < y.seq;
}

// Moves `node` up from the hole at `i` until its parent comes before it.
template <class Node>
inline void sift_up(Node* heap, std::size_t i, const Node& node) {
  while (i > 0) {
    const std::size_t parent = (i - 1) / arity;
    if (!before(node, heap[parent])) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = node;
}

// Moves `node` down from the hole at `i` in a heap of n nodes until no child comes before it.
template <class Node>
inline void sift_down(Node* heap, std::size_t n, std::size_t i, const Node& node) {
  for (;;) {
    const std::size_t first = arity * i + 1;
    if (first >= n) break;
    std::size_t best = first;
    if (first + arity <= n) {  // the common case: all four children exist, no bound checks
      if (before(heap[first + 1], heap[best])) best = first + 1;
      if (before(heap[first + 2], heap[best])) best = first + 2;
      if (before(heap[first + 3], heap[best])) best = first + 3;
    } else {
      for (std::size_t c = first + 1; c < n; ++c)
        if (before(heap[c], heap[best])) best = c;
    }
    if (!before(heap[best], node)) break;
    heap[i] = heap[best];
    i = best;
  }
  heap[i] = node;
}

}  // namespace

// ---- heap primitives ------------------------------------------------------------------------------
void EventQueue::remove_top() {
  const Node last = heap_.back();
  heap_.pop_back();
  if (!heap_.empty()) sift_down(heap_.data(), heap_.size(), 0, last);
}

void EventQueue::drop_cancelled_top() {
  while (cancelled_in_heap_ > 0 && !heap_.empty() && slots_[heap_.front().slot].cancelled) {
    const std::uint32_t slot = heap_.front().slot;
    slots_[slot].cancelled = false;
    free_slots_.push_back(slot);
    --cancelled_in_heap_;
    remove_top();
  }
}

void EventQueue::compact() {
  std::size_t kept = 0;
  for (const Node& node : heap_) {
    Slot& slot = slots_[node.slot];
    if (slot.cancelled) {
      slot.cancelled = false;
      free_slots_.push_back(node.slot);
    } else {
      heap_[kept++] = node;
    }
  }
  heap_.resize(kept);
  cancelled_in_heap_ = 0;
  // Floyd's heap construction: sift down every inner node, last first.
  if (kept > 1) {
    for (std::size_t i = (kept - 2) / arity + 1; i-- > 0;) sift_down(heap_.data(), kept, i, Node(heap_[i]));
  }
}

// ---- public API -----------------------------------------------------------------------------------
void EventQueue::reserve(std::size_t n) {
  heap_.reserve(n);
  slots_.reserve(n);
  free_slots_.reserve(n);
}

EventHandle EventQueue::schedule(SimTime time, std::int32_t priority, EventData data) {
  std::uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    assert(slots_.size() < UINT32_MAX);
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();
  }
  Slot& s = slots_[slot];
  s.data = data;
  s.cancelled = false;
  heap_.emplace_back();  // the hole that sift_up fills
  sift_up(heap_.data(), heap_.size() - 1, Node{time, priority, slot, next_seq_++});
  ++live_;
  return EventHandle{slot, s.generation};
}

bool EventQueue::pending(EventHandle handle) const {
  // A slot's generation moves on when its event runs, is cancelled or is cleared, so a matching
  // generation means the event is still scheduled. (A handle kept across 2^32 reuses of its slot
  // would match again; no drill comes near that.)
  return handle.slot < slots_.size() && slots_[handle.slot].generation == handle.generation;
}

bool EventQueue::cancel(EventHandle handle) {
  if (!pending(handle)) return false;
  Slot& s = slots_[handle.slot];
  s.cancelled = true;
  ++s.generation;
  --live_;
  ++cancelled_in_heap_;
  if (cancelled_in_heap_ > 64 && cancelled_in_heap_ > live_) {
    compact();
  } else {
    drop_cancelled_top();
  }
  return true;
}

bool EventQueue::empty() const { return live_ == 0; }

std::size_t EventQueue::size() const { return live_; }

SimTime EventQueue::next_time() const { return heap_.empty() ? never : heap_.front().time; }

Event EventQueue::pop() {
  assert(!heap_.empty());
  const Node top = heap_.front();
  Slot& s = slots_[top.slot];
  Event event{top.time, top.priority, top.seq, s.data};
  ++s.generation;
  free_slots_.push_back(top.slot);
  --live_;
  remove_top();
  drop_cancelled_top();
  // The next pop reads the new top's slot, which in a large queue is cold: start fetching it now.
  if (!heap_.empty()) __builtin_prefetch(&slots_[heap_.front().slot]);
  return event;
}

void EventQueue::clear() {
  heap_.clear();
  free_slots_.clear();
  // Every outstanding handle goes stale; slots are handed out again from 0 up, as in a fresh queue.
  for (std::size_t i = slots_.size(); i-- > 0;) {
    Slot& s = slots_[i];
    if (!s.cancelled) ++s.generation;  // cancelled ones already moved on
    s.cancelled = false;
    free_slots_.push_back(static_cast<std::uint32_t>(i));
  }
  next_seq_ = 0;
  live_ = 0;
  cancelled_in_heap_ = 0;
}

}  // namespace drillsim
