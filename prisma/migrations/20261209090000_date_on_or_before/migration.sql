-- An event the text does not date is dated on or before the day it was reported (end_date; start_date null).
ALTER TYPE "DatePrecision" ADD VALUE IF NOT EXISTS 'ON_OR_BEFORE';
