#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>

// A sandbox's lifetime as a label (Docker) or tag (ECI) that every client reads alike: the
// time it expires, in RFC 3339 UTC. An empty value is no lifetime.
namespace Lifetime {

QString labelKey(); // "sandboxdesk.expires-at"
QString labelValue(const QDateTime& expiresAt);
// Invalid when the labels have no lifetime or it is not a time.
QDateTime fromLabels(const QMap<QString, QString>& labels);

} // namespace Lifetime
