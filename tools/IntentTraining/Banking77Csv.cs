using System.Text;

namespace BankingBot.Tools.IntentTraining;

/// <summary>
/// Reads the BANKING77 CSV files (header <c>text,category</c>) as RFC 4180: fields may be quoted, quoted
/// fields may hold commas, doubled quotes and line breaks, and records end with CRLF or LF.
/// </summary>
public static class Banking77Csv
{
    /// <summary>Reads every record after the header.</summary>
    /// <param name="path">A BANKING77 CSV file.</param>
    /// <exception cref="InvalidDataException">The file is not two-column CSV with the expected header.</exception>
    public static IReadOnlyList<LabelledUtterance> Read(string path)
    {
        List<List<string>> records = ParseRecords(File.ReadAllText(path, Encoding.UTF8));
        if (records.Count == 0 || !records[0].SequenceEqual(["text", "category"]))
        {
            throw new InvalidDataException($"{path} does not start with the header 'text,category'.");
        }

        var utterances = new List<LabelledUtterance>(records.Count - 1);
        for (int i = 1; i < records.Count; i++)
        {
            if (records[i].Count != 2)
            {
                throw new InvalidDataException($"{path}: record {i} has {records[i].Count} fields, not 2.");
            }

            utterances.Add(new LabelledUtterance(records[i][0], records[i][1]));
        }

        return utterances;
    }

    /// <summary>Splits CSV text into records of fields.</summary>
    /// <param name="csv">The whole file.</param>
    public static List<List<string>> ParseRecords(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        bool fieldStarted = false;

        for (int i = 0; i < csv.Length; i++)
        {
            char ch = csv[i];
            if (quoted)
            {
                if (ch != '"')
                {
                    field.Append(ch);
                }
                else if (i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r' when i + 1 < csv.Length && csv[i + 1] == '\n':
                    break;
                case '\n' or '\r':
                    EndRecord();
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }

        if (quoted)
        {
            throw new InvalidDataException("The CSV ends inside a quoted field.");
        }

        EndRecord();
        return records;

        void EndRecord()
        {
            if (fieldStarted || record.Count > 0)
            {
                record.Add(field.ToString());
                records.Add(record);
            }

            record = [];
            field.Clear();
            fieldStarted = false;
        }
    }
}
