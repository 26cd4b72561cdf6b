#pragma once

#include "Sandbox.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// One container of a sandbox that holds several (an ECI container group).
struct ContainerDetails
{
    QString name;
    QString image;
    QString state;  // the service's word: Running, Waiting, Terminated
    QString reason; // why it is in that state, when the service says
    bool ready = false;
    int restartCount = 0;
};

// Something the service recorded about a sandbox (pulled an image, restarted a container).
struct SandboxEvent
{
    QDateTime time;
    QString type; // Normal, Warning
    QString reason;
    QString object;
    int count = 0;
    QString message;
};

// What a backend knows about one sandbox beyond the live list, in typed values: widgets read
// these, never the backend's JSON.
struct SandboxDetails
{
    SandboxStatus status = SandboxStatus::Unknown;
    QDateTime created;
    QDateTime started;  // invalid when it never ran
    QDateTime finished; // invalid while it runs or when it never ran
    int exitCode = -1;  // -1: not known or not exited
    QStringList addresses;
    QDateTime expires; // invalid when it does not expire
    QList<ContainerDetails> containers;
    QList<SandboxEvent> events;
    QJsonObject raw; // the backend's own description, for the Inspect tab only
};

// The status in our own words from the state and its times, for example "Running for
// 17 seconds" or "Exited (code 2) 5 minutes ago"; translated.
QString statusSummary(SandboxStatus status, const QDateTime& started, const QDateTime& finished,
                      int exitCode, const QDateTime& now = QDateTime::currentDateTimeUtc());
// "17 seconds", "5 minutes", "3 hours", "2 days": the largest whole unit; translated.
QString durationText(qint64 seconds);

Q_DECLARE_METATYPE(SandboxDetails)
