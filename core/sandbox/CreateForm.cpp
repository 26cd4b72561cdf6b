#include "CreateForm.h"

#include "ShellWords.h"

#include <QLocale>

namespace {

QStringList nonEmptyLines(const QString& text)
{
    QStringList lines;
    const QStringList all = text.split(QLatin1Char('\n'));
    for (const QString& line : all) {
        if (!line.trimmed().isEmpty())
            lines << line.trimmed();
    }
    return lines;
}

} // namespace

bool CreateForm::has(SpecField id) const
{
    return field(id) != nullptr;
}

const CreateField* CreateForm::field(SpecField id) const
{
    for (const CreateField& candidate : fields) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

CreateForm CreateForm::withFields(const QList<SpecField>& ids)
{
    CreateForm form;
    for (SpecField id : ids)
        form.fields << standardField(id);
    return form;
}

CreateField CreateForm::standardField(SpecField id)
{
    CreateField field;
    field.id = id;
    switch (id) {
    case SpecField::Image:
        field.kind = CreateField::Kind::Choice;
        field.editable = true;
        field.label = tr("&Image:");
        field.placeholder = tr("for example alpine:3.20");
        break;
    case SpecField::Name:
        field.label = tr("&Name:");
        field.placeholder = tr("optional; letters, digits, “_”, “.” and “-”");
        break;
    case SpecField::Command:
        field.label = tr("Co&mmand:");
        field.placeholder = tr("optional, for example sleep 3600; else the image's own");
        break;
    case SpecField::Args:
        field.label = tr("&Arguments:");
        field.placeholder = tr("optional, passed after the command");
        break;
    case SpecField::Env:
        field.kind = CreateField::Kind::Lines;
        field.label = tr("&Environment:");
        field.placeholder = tr("KEY=VALUE, one per line");
        break;
    case SpecField::Labels:
        field.kind = CreateField::Kind::Lines;
        field.label = tr("&Labels:");
        field.placeholder = tr("KEY=VALUE, one per line");
        break;
    case SpecField::WorkingDir:
        field.label = tr("&Working directory:");
        field.placeholder = tr("optional, for example /work");
        break;
    case SpecField::Cpus:
        field.kind = CreateField::Kind::Number;
        field.label = tr("&CPUs:");
        field.minimum = 0;
        field.maximum = 1024;
        field.step = 0.5;
        field.decimals = 2;
        field.specialValueText = tr("No limit");
        break;
    case SpecField::Memory:
        field.label = tr("Memor&y:");
        field.placeholder = tr("for example 512m or 2g; empty for no limit");
        break;
    case SpecField::Network:
        field.kind = CreateField::Kind::Choice;
        field.editable = true;
        field.label = tr("Ne&twork:");
        field.choices = {{QString(), tr("default")},
                         {QStringLiteral("none"), QStringLiteral("none")},
                         {QStringLiteral("host"), QStringLiteral("host")},
                         {QStringLiteral("bridge"), QStringLiteral("bridge")}};
        break;
    case SpecField::Ports:
        field.label = tr("&Ports:");
        field.placeholder = tr("comma-separated, for example 8080:80, 127.0.0.1:5432:5432");
        break;
    case SpecField::Zone:
        field.label = tr("&Zone:");
        field.placeholder = tr("optional, for example cn-hangzhou-h");
        break;
    case SpecField::VSwitch:
        field.label = tr("&vSwitch:");
        field.placeholder = tr("for example vsw-bp1234abcd; empty: the default");
        break;
    case SpecField::SecurityGroup:
        field.label = tr("Security &group:");
        field.placeholder = tr("for example sg-bp1234abcd; empty: the default");
        break;
    case SpecField::RestartPolicy:
        field.kind = CreateField::Kind::Choice;
        field.label = tr("Restart &policy:");
        field.choices = {{QString(), tr("Service default (Always)")}};
        for (const char* policy : {"Always", "OnFailure", "Never"})
            field.choices.append({QLatin1String(policy), QLatin1String(policy)});
        break;
    case SpecField::AutoRemove:
        field.kind = CreateField::Kind::Flag;
        field.label = tr("Remove the sandbox when it e&xits");
        break;
    case SpecField::Start:
        field.kind = CreateField::Kind::Flag;
        field.label = tr("&Start after creating");
        break;
    }
    return field;
}

SandboxSpec CreateForm::specFrom(const CreateValues& values, QList<SpecProblem>* problems) const
{
    SandboxSpec spec;
    QList<SpecProblem> found;
    const auto text = [&values](SpecField id) {
        return values.value(id).trimmed();
    };
    const auto words = [&](SpecField id) {
        QString error;
        const QStringList result = ShellWords::split(values.value(id), &error);
        if (!error.isEmpty())
            found.append({id, error});
        return result;
    };
    for (const CreateField& field : fields) {
        switch (field.id) {
        case SpecField::Image:
            spec.image = text(field.id);
            break;
        case SpecField::Name:
            spec.name = text(field.id);
            break;
        case SpecField::Command:
            spec.command = words(field.id);
            break;
        case SpecField::Args:
            spec.args = words(field.id);
            break;
        case SpecField::Env:
            spec.env = nonEmptyLines(values.value(field.id));
            break;
        case SpecField::Labels: {
            const QStringList lines = nonEmptyLines(values.value(field.id));
            for (const QString& line : lines) {
                const qsizetype equals = line.indexOf(QLatin1Char('='));
                if (equals <= 0)
                    found.append({field.id, tr("Label “%1” is not KEY=VALUE.").arg(line)});
                else
                    spec.labels.insert(line.left(equals), line.mid(equals + 1));
            }
            break;
        }
        case SpecField::WorkingDir:
            spec.workingDir = text(field.id);
            break;
        case SpecField::Cpus:
            spec.cpus = QLocale::c().toDouble(text(field.id));
            break;
        case SpecField::Memory: {
            const QString memory = text(field.id);
            if (memory.isEmpty())
                break;
            spec.memoryBytes = parseMemorySize(memory);
            if (spec.memoryBytes < 0) {
                found.append(
                    {field.id,
                     tr("Memory “%1” is not a size; write for example 512m or 2g.").arg(memory)});
                spec.memoryBytes = 0;
            }
            break;
        }
        case SpecField::Network:
            spec.networkMode = text(field.id);
            break;
        case SpecField::Ports: {
            const QStringList ports = values.value(field.id).split(QLatin1Char(','));
            for (const QString& port : ports) {
                if (port.trimmed().isEmpty())
                    continue;
                PortBinding binding;
                if (parsePortBinding(port, &binding)) {
                    spec.ports << binding;
                } else {
                    found.append({field.id, tr("Port “%1” is not valid; write CONTAINER, "
                                               "HOST:CONTAINER or IP:HOST:CONTAINER, with an "
                                               "optional /tcp or /udp, for example 8080:80.")
                                                .arg(port.trimmed())});
                }
            }
            break;
        }
        case SpecField::Zone:
            spec.zoneId = text(field.id);
            break;
        case SpecField::VSwitch:
            spec.vSwitchId = text(field.id);
            break;
        case SpecField::SecurityGroup:
            spec.securityGroupId = text(field.id);
            break;
        case SpecField::RestartPolicy:
            spec.restartPolicy = text(field.id);
            break;
        case SpecField::AutoRemove:
            spec.autoRemove = values.value(field.id) == QLatin1String("1");
            break;
        case SpecField::Start:
            break; // not part of the spec: whoever creates starts it afterwards
        }
    }
    if (problems)
        *problems = found;
    return spec;
}
