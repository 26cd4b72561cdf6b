#pragma once

#include "Sandbox.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// One field of a create form: what it asks for, how it is entered and within which limits.
// Texts are translated when the form is made.
struct CreateField
{
    enum class Kind
    {
        Text,   // one line
        Lines,  // one entry a line
        Number, // between minimum and maximum
        Choice, // one of choices; editable: or a value typed in
        Flag,   // on or off
    };
    struct Choice
    {
        QString value; // what the spec gets; empty: the backend's default
        QString text;  // what the user reads
    };

    SpecField id = SpecField::Image;
    Kind kind = Kind::Text;
    QString label; // with a mnemonic: "&Image:"
    QString placeholder;
    bool editable = false; // Choice only
    QList<Choice> choices;
    QStringList suggestions; // Text: values to complete from (zones a region has)
    double minimum = 0;      // Number only
    double maximum = 0;
    double step = 1;
    int decimals = 0;
    QString specialValueText; // Number: what the minimum means ("No limit")
};

// The user's entries, as typed; a flag is "1" when set, a number in the C locale.
using CreateValues = QMap<SpecField, QString>;

// What a backend asks for to create a sandbox, in the order the fields are shown. A window
// renders it and reads the entries back through specFrom(); it never asks which backend it has.
class CreateForm
{
    Q_DECLARE_TR_FUNCTIONS(CreateForm)

public:
    QList<CreateField> fields;

    bool has(SpecField id) const;
    const CreateField* field(SpecField id) const;
    // The field as every backend words it; a backend changes what differs.
    static CreateField standardField(SpecField id);
    static CreateForm withFields(const QList<SpecField>& ids);

    // Reads the entries of this form's fields into a spec; what cannot be read (a command with
    // an open quote, a size that is not one) is reported against its field. Fields the form
    // does not have stay at their defaults.
    SandboxSpec specFrom(const CreateValues& values, QList<SpecProblem>* problems) const;
};
