#include "SandboxSet.h"

#include <QSet>

SandboxSet::SandboxSet(QObject* parent)
    : QObject(parent)
{}

Sandbox SandboxSet::value(const QString& id, bool* found) const
{
    const int index = indexOf(id);
    if (found)
        *found = index >= 0;
    return index >= 0 ? m_items.at(index) : Sandbox();
}

void SandboxSet::assign(const QList<Sandbox>& snapshot)
{
    QList<Sandbox> target;
    target.reserve(snapshot.size());
    QSet<QString> wanted;
    for (const Sandbox& sandbox : snapshot) {
        if (sandbox.id.isEmpty() || wanted.contains(sandbox.id))
            continue;
        wanted.insert(sandbox.id);
        target.append(sandbox);
    }

    // From the back, so that the positions of runs still to remove stay put.
    for (int last = size() - 1; last >= 0;) {
        if (wanted.contains(m_items.at(last).id)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !wanted.contains(m_items.at(first - 1).id))
            --first;
        removeRange(first, last);
        last = first - 1;
    }

    // Everything before position i already matches target; changes are announced in runs.
    int changedFrom = -1;
    const auto flushChanged = [&](int end) {
        if (changedFrom >= 0)
            announceChanged(changedFrom, end - 1);
        changedFrom = -1;
    };
    for (int i = 0; i < target.size();) {
        const Sandbox& wantedHere = target.at(i);
        const int current = indexOf(wantedHere.id);
        if (current < 0) {
            flushChanged(i);
            int end = i + 1;
            while (end < target.size() && !contains(target.at(end).id))
                ++end;
            insertRange(i, target.mid(i, end - i));
            i = end;
            continue;
        }
        if (current != i) {
            flushChanged(i);
            move(current, i);
        }
        if (m_items.at(i) == wantedHere) {
            flushChanged(i);
        } else {
            m_items[i] = wantedHere;
            if (changedFrom < 0)
                changedFrom = i;
        }
        ++i;
    }
    flushChanged(int(target.size()));
}

void SandboxSet::upsert(const Sandbox& sandbox)
{
    if (sandbox.id.isEmpty())
        return;
    const int index = indexOf(sandbox.id);
    if (index < 0) {
        insertRange(size(), {sandbox});
        return;
    }
    if (m_items.at(index) == sandbox)
        return;
    m_items[index] = sandbox;
    announceChanged(index, index);
}

bool SandboxSet::remove(const QString& id)
{
    const int index = indexOf(id);
    if (index < 0)
        return false;
    removeRange(index, index);
    return true;
}

void SandboxSet::announceChanged(int first, int last)
{
    Q_EMIT changed(first, last);
    for (int i = first; i <= last; ++i)
        Q_EMIT sandboxChanged(m_items.at(i));
}

void SandboxSet::insertRange(int at, const QList<Sandbox>& sandboxes)
{
    const int last = at + int(sandboxes.size()) - 1;
    Q_EMIT aboutToBeInserted(at, last);
    m_items.insert(at, sandboxes.size(), Sandbox());
    std::copy(sandboxes.begin(), sandboxes.end(), m_items.begin() + at);
    reindex(at, size() - 1);
    Q_EMIT inserted(at, last);
    for (int i = at; i <= last; ++i)
        Q_EMIT sandboxAdded(m_items.at(i));
}

void SandboxSet::removeRange(int first, int last)
{
    Q_EMIT aboutToBeRemoved(first, last);
    QStringList ids;
    for (int i = first; i <= last; ++i) {
        ids.append(m_items.at(i).id);
        m_indexOf.remove(ids.last());
    }
    m_items.remove(first, last - first + 1);
    reindex(first, size() - 1);
    Q_EMIT removed(first, last);
    for (const QString& id : std::as_const(ids))
        Q_EMIT sandboxRemoved(id);
}

void SandboxSet::move(int from, int to)
{
    Q_EMIT aboutToBeMoved(from, to);
    m_items.move(from, to);
    reindex(std::min(from, to), std::max(from, to));
    Q_EMIT moved(from, to);
}

void SandboxSet::reindex(int from, int to)
{
    for (int i = from; i <= to; ++i)
        m_indexOf.insert(m_items.at(i).id, i);
}
