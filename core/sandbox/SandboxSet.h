#pragma once

#include "Sandbox.h"

#include <QHash>
#include <QList>
#include <QObject>

// The live set of one connection: sandboxes in order, indexed by id. Every edit is announced
// before and after, row by row, so a model can mirror it without a reset; assign() turns a new
// snapshot into the fewest such edits. Each id appears once; the set never holds an empty id.
class SandboxSet final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxSet)
public:
    explicit SandboxSet(QObject* parent = nullptr);

    int size() const { return int(m_items.size()); }
    bool isEmpty() const { return m_items.isEmpty(); }
    const QList<Sandbox>& items() const { return m_items; }
    const Sandbox& at(int index) const { return m_items.at(index); }
    int indexOf(const QString& id) const { return m_indexOf.value(id, -1); }
    bool contains(const QString& id) const { return m_indexOf.contains(id); }
    Sandbox value(const QString& id, bool* found = nullptr) const;

    // Makes the set equal to snapshot, in its order; of repeated ids the first counts.
    void assign(const QList<Sandbox>& snapshot);
    // Replaces the sandbox with the same id in place, or appends it.
    void upsert(const Sandbox& sandbox);
    bool remove(const QString& id);
    void clear() { assign({}); }

Q_SIGNALS:
    // Positions are inclusive and valid in the set as it is when the signal is emitted.
    void aboutToBeInserted(int first, int last);
    void inserted(int first, int last);
    void aboutToBeRemoved(int first, int last);
    void removed(int first, int last);
    // The item at from goes to to, as QList::move(from, to) does.
    void aboutToBeMoved(int from, int to);
    void moved(int from, int to);
    void changed(int first, int last);
    // One sandbox at a time, once every receiver of the signal above has run: for watchers of
    // a single sandbox, who may then read a model of the set.
    void sandboxAdded(const Sandbox& sandbox);
    void sandboxChanged(const Sandbox& sandbox);
    void sandboxRemoved(const QString& id);

private:
    void announceChanged(int first, int last);
    void insertRange(int at, const QList<Sandbox>& sandboxes);
    void removeRange(int first, int last);
    void move(int from, int to);
    void reindex(int from, int to);

    QList<Sandbox> m_items;
    QHash<QString, int> m_indexOf;
};
