"""Reading a village's 花名册 (roster) as offices keep it: pure parsing, no Qt, no database.

The desktop service reads the file into rows of cell values (merged cells
already spread over the cells they cover); this package finds the header,
takes what each column means, and turns rows into people, skipping with a
reason what it cannot take. The 公民身份号码 is read only for the birth date
and sex it carries and is never kept.
"""
